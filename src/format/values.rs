//! Reading the cells of an imported file as people's files hold them:
//! names compared regardless of case and width, dates in the forms Excel
//! and Japanese HR systems write, signed amounts, and the words for status,
//! employment and yes/no in English and Japanese. Pure functions, shared by
//! every import (docs/csv.md lists the accepted forms).

use std::str::FromStr;

use rust_decimal::Decimal;

use super::input::{InputError, parse_amount};
use crate::model::{Date, DateError, Employment, PositionStatus, YearMonth};

const HALF_KATAKANA: &str = "ｦｧｨｩｪｫｬｭｮｯｰｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜﾝ";
const FULL_KATAKANA: &str = "ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";

/// `text` with full-width letters, digits and signs as ASCII, half-width
/// katakana as full-width (voiced marks joined), the ideographic space as a
/// space, in lower case and trimmed: two spellings of one name give one
/// folded text (`Ｐｌａｔｆｏｒｍ`, `platform`; `ﾃﾞｰﾀ`, `データ`).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            '\u{3000}' => ' ',
            '\u{ffe5}' => '¥',
            '\u{2212}' => '-',
            '\u{ff61}' => '。',
            '\u{ff62}' => '「',
            '\u{ff63}' => '」',
            '\u{ff64}' => '、',
            '\u{ff65}' => '・',
            '\u{ff9e}' | '\u{ff9f}' => {
                let semi = c == '\u{ff9f}';
                if let Some(last) = out.pop() {
                    out.push(voiced(last, semi).unwrap_or(last));
                    if voiced(last, semi).is_none() {
                        out.push(if semi { '゜' } else { '゛' });
                    }
                }
                continue;
            }
            c => HALF_KATAKANA
                .chars()
                .position(|h| h == c)
                .and_then(|i| FULL_KATAKANA.chars().nth(i))
                .unwrap_or(c),
        };
        out.extend(c.to_lowercase());
    }
    out.trim().to_string()
}

/// A katakana with its voiced (゛) or semi-voiced (゜) mark.
fn voiced(c: char, semi: bool) -> Option<char> {
    let code = u32::from(c);
    let step = if semi {
        matches!(c, 'ハ' | 'ヒ' | 'フ' | 'ヘ' | 'ホ').then_some(2)?
    } else if c == 'ウ' {
        return Some('ヴ');
    } else {
        "カキクケコサシスセソタチツテトハヒフヘホ"
            .contains(c)
            .then_some(1)?
    };
    char::from_u32(code + step)
}

/// The key two header or choice texts are compared by: [`fold`]ed, without
/// spaces, `_`, `-`, `・`, `.` and parentheses: `Annual Base`,
/// `annual_base` and `ＡＮＮＵＡＬ－ＢＡＳＥ` are one key.
pub fn key(text: &str) -> String {
    fold(text)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '・' | '.' | '(' | ')'))
        .collect()
}

/// Why a date cell was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateCellError {
    /// Not written in any of the accepted forms.
    NotADate,
    /// Written as a date that does not exist (30 February).
    Invalid(DateError),
}

/// Reads a date as people's files hold it: `2026-04-01`, `2026-4-1`,
/// `2026/4/1`, `2026.4.1`, `2026年4月1日` (full-width digits too), any of
/// them followed by a midnight time as Excel writes a date cell
/// (`2026/4/1 0:00`), or an Excel serial day number (`46113`, 1 is
/// 1900-01-01 with Excel's leap day of 1900; 61 and above).
pub fn parse_date(text: &str) -> Result<Date, DateCellError> {
    let folded = fold(text);
    let day_part = match folded.split_once(' ') {
        Some((day, time)) if is_midnight(time.trim()) => day,
        Some(_) => return Err(DateCellError::NotADate),
        None => folded.as_str(),
    };
    if !day_part.is_empty() && day_part.bytes().all(|b| b.is_ascii_digit()) {
        if day_part.len() <= 7 {
            let serial: i64 = day_part.parse().map_err(|_| DateCellError::NotADate)?;
            return excel_serial(serial).ok_or(DateCellError::NotADate);
        }
        return Err(DateCellError::NotADate);
    }
    let parts: Vec<&str> = if let Some(rest) = day_part.strip_suffix('日') {
        let (year, rest) = rest.split_once('年').ok_or(DateCellError::NotADate)?;
        let (month, day) = rest.split_once('月').ok_or(DateCellError::NotADate)?;
        vec![year, month, day]
    } else {
        let separator = ['-', '/', '.']
            .into_iter()
            .find(|s| day_part.contains(*s))
            .ok_or(DateCellError::NotADate)?;
        day_part.split(separator).collect()
    };
    let [year, month, day] = parts[..] else {
        return Err(DateCellError::NotADate);
    };
    let digits = |s: &str, max: usize| {
        (!s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (
        digits(year, 4).filter(|_| year.len() == 4),
        digits(month, 2),
        digits(day, 2),
    ) else {
        return Err(DateCellError::NotADate);
    };
    let iso = format!("{y:04}-{m:02}-{d:02}");
    Date::from_str(&iso).map_err(|e| {
        DateCellError::Invalid(DateError {
            text: Some(text.trim().to_string()),
            ..e
        })
    })
}

/// Reads a month as finance files hold it: `2026-04`, `2026/4`, `2026.4`,
/// `2026年4月`, `202604`, or any date [`parse_date`] reads (`2026/4/1`, an
/// Excel date cell), which stands for its month. Full-width digits too.
pub fn parse_month(text: &str) -> Option<YearMonth> {
    let folded = fold(text);
    let folded = folded.as_str();
    if let Ok(date) = parse_date(folded) {
        return Some(date.year_month());
    }
    let digits = |s: &str, min: usize, max: usize| {
        (s.len() >= min && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (year, month) = if let Some(rest) = folded.strip_suffix('月') {
        rest.split_once('年')?
    } else if folded.len() == 6 && folded.bytes().all(|b| b.is_ascii_digit()) {
        folded.split_at(4)
    } else {
        let separator = ['-', '/', '.'].into_iter().find(|s| folded.contains(*s))?;
        folded.split_once(separator)?
    };
    let year = i32::try_from(digits(year.trim(), 4, 4)?).ok()?;
    let month = u8::try_from(digits(month.trim(), 1, 2)?).ok()?;
    YearMonth::new(year, month).ok()
}

fn is_midnight(time: &str) -> bool {
    matches!(time, "0:00" | "00:00" | "0:00:00" | "00:00:00")
}

/// Excel's serial day number (1900 system): day 60 is the 29 February 1900
/// that never was, so only 61 (1900-03-01) and later are read.
fn excel_serial(serial: i64) -> Option<Date> {
    if !(61..=2_958_465).contains(&serial) {
        return None;
    }
    // Days from 1970-01-01: serial 25569 is that day.
    let (y, m, d) = civil_from_days(serial - 25_569);
    Date::new(i32::try_from(y).ok()?, m, d).ok()
}

/// Howard Hinnant's `civil_from_days`: the calendar date `days` after
/// 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// An amount that may be negative, as accounting files write it: a minus
/// (`-1,200`, `−1,200`), the Japanese `▲1,200` or `△1,200`, or parentheses
/// (`(1,200)`, `（１，２００）`, `¥(1,200)`); otherwise every form
/// [`parse_amount`] reads (`900万`, `￥9,000,000`, `1,234.50`).
pub fn parse_signed_amount(text: &str, exponent: u32) -> Result<Decimal, InputError> {
    let typed = text.trim();
    let half = fold(typed);
    let unsigned = half
        .strip_prefix(['-', '▲', '△'])
        .map(str::trim_start)
        .or_else(|| {
            let inner = half.strip_prefix(['¥', '$', '€', '£']).unwrap_or(&half);
            inner.strip_prefix('(')?.strip_suffix(')')
        });
    match unsigned {
        Some(rest) if !rest.is_empty() => {
            parse_amount(rest, exponent)
                .map(|v| -v)
                .map_err(|e| match e {
                    InputError::NotAnAmount { .. } => InputError::NotAnAmount {
                        text: typed.to_string(),
                    },
                    e => e,
                })
        }
        _ => parse_amount(typed, exponent),
    }
}

/// A status in English or Japanese: `filled` / `在籍`, `open` / `募集中`,
/// `planned` / `採用予定`, and the planner's own labels ("Open (hiring)").
pub fn parse_status(text: &str) -> Option<PositionStatus> {
    Some(match key(text).as_str() {
        "filled" | "在籍" | "在籍中" | "在職" | "在職中" => PositionStatus::Filled,
        "open" | "openhiring" | "hiring" | "募集中" | "募集" | "採用中" => {
            PositionStatus::Open
        }
        "planned" | "plannedhire" | "採用予定" | "採用計画" | "予定" => {
            PositionStatus::Planned
        }
        _ => return None,
    })
}

/// An employment in English or Japanese: `employee` / `正社員`,
/// `contractor` / `業務委託`. Empty is `None` too (the caller's default).
pub fn parse_employment(text: &str) -> Option<Employment> {
    Some(match key(text).as_str() {
        "employee" | "正社員" | "社員" | "従業員" => Employment::Employee,
        "contractor" | "業務委託" | "委託" | "フリーランス" => Employment::Contractor,
        _ => return None,
    })
}

/// Yes or no: `true`/`false` (Excel's `TRUE`/`FALSE`), `yes`/`no`, `1`/`0`,
/// `はい`/`いいえ`, `対象`/`対象外`, `あり`/`なし`, `○`/`×`; empty is no.
pub fn parse_yes_no(text: &str) -> Option<bool> {
    match key(text).as_str() {
        "" | "false" | "no" | "0" | "いいえ" | "対象外" | "なし" | "×" => Some(false),
        "true" | "yes" | "1" | "はい" | "対象" | "あり" | "○" => Some(true),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn folds_case_width_and_half_width_katakana() {
        assert_eq!(fold(" Ｐｌａｔｆｏｒｍ　"), "platform");
        assert_eq!(fold("ﾃﾞｰﾀ基盤"), "データ基盤");
        assert_eq!(fold("ﾊﾟｲﾌﾟﾗｲﾝ"), "パイプライン");
        assert_eq!(fold("ｳﾞ"), "ヴ");
        assert_eq!(key("Annual Base"), "annualbase");
        assert_eq!(key("ＡＮＮＵＡＬ＿ＢＡＳＥ"), "annualbase");
        assert_eq!(key("年間基本給（円）"), "年間基本給円");
    }

    #[test]
    fn reads_every_date_form() {
        let day = Date::new(2026, 4, 1).unwrap();
        for text in [
            "2026-04-01",
            "2026-4-1",
            "2026/4/1",
            "2026/04/01",
            "2026.4.1",
            "2026年4月1日",
            "２０２６年４月１日",
            "２０２６／４／１",
            "2026/4/1 0:00",
            "2026-04-01 00:00:00",
            "46113",
        ] {
            assert_eq!(parse_date(text), Ok(day), "{text}");
        }
        assert_eq!(parse_date("61"), Ok(Date::new(1900, 3, 1).unwrap()));
        assert_eq!(parse_date("45658"), Ok(Date::new(2025, 1, 1).unwrap()));
        for text in [
            "",
            "60",
            "2026/4",
            "26/4/1",
            "2026/4/1 9:30",
            "April 1",
            "2026年4月1",
            "12345678",
        ] {
            assert_eq!(parse_date(text), Err(DateCellError::NotADate), "{text}");
        }
        let Err(DateCellError::Invalid(e)) = parse_date("2026/2/30") else {
            panic!("30 February");
        };
        assert_eq!(
            e.to_string(),
            "\"2026/2/30\": Feb 2026 has 28 days, there is no day 30"
        );
    }

    #[test]
    fn reads_signed_amounts() {
        assert_eq!(parse_signed_amount("(1,200)", 0), Ok(dec!(-1200)));
        assert_eq!(parse_signed_amount("（１，２００）", 0), Ok(dec!(-1200)));
        assert_eq!(parse_signed_amount("▲900万", 0), Ok(dec!(-9000000)));
        assert_eq!(parse_signed_amount("−1,234.50", 2), Ok(dec!(-1234.5)));
        assert_eq!(parse_signed_amount("$(12.25)", 2), Ok(dec!(-12.25)));
        assert_eq!(parse_signed_amount("900万円", 0), Ok(dec!(9000000)));
        assert!(matches!(
            parse_signed_amount("(abc)", 0),
            Err(InputError::NotAnAmount { text }) if text == "(abc)"
        ));
        assert_eq!(
            parse_signed_amount("()", 0).unwrap_err(),
            InputError::NotAnAmount { text: "()".into() }
        );
    }

    #[test]
    fn reads_status_employment_and_yes_no_in_both_languages() {
        assert_eq!(parse_status("在籍"), Some(PositionStatus::Filled));
        assert_eq!(parse_status("Open (hiring)"), Some(PositionStatus::Open));
        assert_eq!(parse_status("募集中"), Some(PositionStatus::Open));
        assert_eq!(parse_status("PLANNED"), Some(PositionStatus::Planned));
        assert_eq!(parse_status("採用予定"), Some(PositionStatus::Planned));
        assert_eq!(parse_status("内定"), None);
        assert_eq!(parse_employment("正社員"), Some(Employment::Employee));
        assert_eq!(parse_employment("業務委託"), Some(Employment::Contractor));
        assert_eq!(parse_employment("派遣"), None);
        assert_eq!(parse_yes_no("TRUE"), Some(true));
        assert_eq!(parse_yes_no("対象外"), Some(false));
        assert_eq!(parse_yes_no(""), Some(false));
        assert_eq!(parse_yes_no("たぶん"), None);
    }
}
