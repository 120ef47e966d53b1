//! The browser's calendar: the only place the UI reads the clock.

use crate::model::{Date, YearMonth};

fn now() -> (i32, u8, u8) {
    let now = js_sys::Date::new_0();
    (
        now.get_full_year() as i32,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
}

/// The month the browser's clock is in: a blank plan starts there.
pub fn this_month() -> YearMonth {
    let (year, month, _) = now();
    // A browser clock outside years 1000 to 9999 is not worth failing over.
    YearMonth::new(year, month)
        .ok()
        .or(YearMonth::new_const(2026, 1))
        .expect("2026-01 is a month")
}

/// Today's date, for file names.
pub fn today() -> Date {
    let (year, month, day) = now();
    Date::new(year, month, day).unwrap_or_else(|_| this_month().first_day())
}
