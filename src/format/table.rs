//! A table file as people save it: any encoding [`decode`] reads, comma,
//! tab or semicolon separated (detected from the header row), RFC 4180
//! quoting with line breaks inside quoted cells, and CRLF, LF or CR line
//! ends. Rows come one at a time with the line they start on, counted as an
//! editor counts them, so a reader can stop after any number of rows and go
//! on later (the browser reads a large file in slices between frames).

use std::io::Cursor;

use super::decode::{DecodeError, Decoded, Encoding, count_line_breaks, decode};

/// A row of the file: its cells, and the line (1-based) it starts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub cells: csv::StringRecord,
}

/// A row the CSV reader could not read (its English, in the csv crate's
/// words), and its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub line: usize,
    pub detail: String,
}

/// An open table file.
pub struct Table {
    reader: csv::Reader<Cursor<Vec<u8>>>,
    record: csv::StringRecord,
    pub encoding: Encoding,
    pub separator: u8,
    /// Bytes of text whose line ends are counted, and the line there.
    counted: usize,
    line: usize,
    /// Length of the text, for progress.
    len: usize,
}

impl Table {
    /// Decodes `bytes` and detects the separator from the first row.
    pub fn open(bytes: &[u8]) -> Result<Table, DecodeError> {
        decode(bytes).map(Table::from_decoded)
    }

    /// A table of text already decoded (a browser decodes a large file in a
    /// task of its own).
    pub fn from_decoded(decoded: Decoded) -> Table {
        let Decoded { text, encoding } = decoded;
        let separator = detect_separator(&text);
        let len = text.len();
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(separator)
            .from_reader(Cursor::new(text.into_bytes()));
        Table {
            reader,
            record: csv::StringRecord::new(),
            encoding,
            separator,
            counted: 0,
            line: 1,
            len,
        }
    }

    /// The next row that is not blank (every cell empty or spaces), or
    /// `None` at the end of the file.
    pub fn next_row(&mut self) -> Option<Result<Row, Unreadable>> {
        loop {
            match self.reader.read_record(&mut self.record) {
                Ok(false) => return None,
                Ok(true) => {}
                Err(e) => {
                    let line = e
                        .position()
                        .map_or(self.line, |p| self.line_of(p.byte() as usize));
                    // The reader moves on past the bad row.
                    return Some(Err(Unreadable {
                        line,
                        detail: e.to_string(),
                    }));
                }
            }
            let start = self.record.position().map_or(0, |p| p.byte() as usize);
            let line = self.line_of(start);
            if self.record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            return Some(Ok(Row {
                line,
                cells: self.record.clone(),
            }));
        }
    }

    /// The line of byte `start`, where a row begins (after any line ends
    /// the reader skipped before it).
    fn line_of(&mut self, start: usize) -> usize {
        let text = self.reader.get_ref().get_ref();
        let mut start = start.min(text.len());
        while start < text.len() && matches!(text[start], b'\r' | b'\n') {
            start += 1;
        }
        if start > self.counted {
            // `start` is never between the CR and LF of one line end: the
            // loop above moved it past both.
            self.line += count_line_breaks(&text[self.counted..start]);
            self.counted = start;
        }
        self.line
    }

    /// How far the reader is: bytes of text read, of all.
    pub fn progress(&self) -> (usize, usize) {
        (self.reader.position().byte() as usize, self.len)
    }
}

/// The separator of the first row: the most frequent of comma, tab and
/// semicolon outside quotes (comma when there is none, or on a tie).
pub fn detect_separator(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for b in text.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\r' | b'\n' if !quoted => break,
            b',' if !quoted => counts[0] += 1,
            b'\t' if !quoted => counts[1] += 1,
            b';' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).fold(0, |best, i| if counts[i] > counts[best] { i } else { best });
    [b',', b'\t', b';'][best]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(bytes: &[u8]) -> Vec<(usize, Vec<String>)> {
        let mut table = Table::open(bytes).unwrap();
        let mut out = Vec::new();
        while let Some(row) = table.next_row() {
            let row = row.unwrap();
            out.push((row.line, row.cells.iter().map(str::to_string).collect()));
        }
        out
    }

    #[test]
    fn lines_are_right_for_cr_lf_crlf_blank_lines_and_quoted_breaks() {
        let expected = |sep: &str| {
            vec![
                (1, vec!["a".to_string(), "b".to_string()]),
                (2, vec!["1".to_string(), format!("x{sep}y")]),
                (4, vec!["2".to_string(), "z".to_string()]),
                (6, vec!["3".to_string(), "w".to_string()]),
            ]
        };
        for end in ["\r\n", "\n", "\r"] {
            let text = format!("a,b{end}1,\"x{end}y\"{end}2,z{end}{end}3,w{end}");
            assert_eq!(rows(text.as_bytes()), expected(end), "{end:?}");
        }
    }

    #[test]
    fn detects_tab_and_semicolon() {
        let tab = rows(b"a\tb\tc,d\r\n1\t2\t3,4\r\n");
        assert_eq!(tab[1].1, ["1", "2", "3,4"]);
        // A tie is a comma.
        assert_eq!(detect_separator("a\tb,c"), b',');
        let semi = rows("名前;\"x;y\";z\n1;2;3\n".as_bytes());
        assert_eq!(semi[0].1, ["名前", "x;y", "z"]);
        assert_eq!(detect_separator("\"a,b\"\tc"), b'\t');
        assert_eq!(detect_separator("abc"), b',');
    }

    #[test]
    fn progress_reaches_the_end() {
        let mut table = Table::open(b"a,b\n1,2\n").unwrap();
        while table.next_row().is_some() {}
        assert_eq!(table.progress(), (8, 8));
    }
}
