//! A spreadsheet file as rows of text cells: the bytes decoded whatever
//! program wrote them (UTF-8 with or without a byte-order mark, UTF-16 from
//! Excel, Windows-1251 from a Russian Windows, Windows-1252), then read as
//! CSV or TSV with the separator the file uses (`,`, `;` as Excel writes in
//! Russian and European locales, or a tab as the clipboard has it).

/// One row of a sheet: its number as a spreadsheet shows it (the header is
/// row 1) and its cells, trimmed of the spaces around them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

impl Row {
    pub fn cell(&self, column: usize) -> &str {
        self.cells.get(column).map_or("", String::as_str)
    }
}

/// A sheet: its header and the rows under it, blank rows left out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

/// Files larger than this are refused before they are read: the largest
/// dataset a card takes, as text.
pub const MAX_SHEET_BYTES: usize = 20 * 1024 * 1024;

/// Why a file could not be read as a sheet at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    /// The row where reading stopped, when it was in one.
    pub row: Option<usize>,
    pub message: String,
}

/// The text of a file, whatever its encoding. A file with bytes no text
/// has (an image, a spreadsheet's binary form) is refused with a reason.
pub fn decode(bytes: &[u8]) -> Result<String, Unreadable> {
    let fail = |message: &str| Err(Unreadable { row: None, message: message.to_string() });
    if bytes.len() > MAX_SHEET_BYTES {
        return fail("the file is larger than 20 MB, more than a card can hold");
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return fail("this is an .xlsx or .ods workbook, not a CSV file: save the sheet as CSV (or copy its cells and paste them)");
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return fail("this is an old Excel .xls workbook, not a CSV file: save the sheet as CSV (or copy its cells and paste them)");
    }
    let text = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes)
    } else if looks_like_utf16(bytes) {
        // Without a byte-order mark: ASCII text has a zero in every other byte.
        if bytes.first() == Some(&0) {
            utf16(bytes, u16::from_be_bytes)
        } else {
            utf16(bytes, u16::from_le_bytes)
        }
    } else {
        let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => Some(text.to_string()),
            Err(_) => Some(single_byte(bytes)),
        }
    };
    let Some(text) = text else {
        return fail("the file is not text: it looks like UTF-16 but has broken characters");
    };
    let text = text.strip_prefix('\u{FEFF}').map(str::to_string).unwrap_or(text);
    if text.chars().any(|c| c == '\0' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))) {
        return fail("the file is not text (it has control bytes): choose a CSV or TSV file, or a TimelineJS JSON file");
    }
    Ok(text)
}

fn looks_like_utf16(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(512) & !1];
    if sample.len() < 4 {
        return false;
    }
    let zeros_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let zeros_odd = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let half = sample.len() / 2;
    zeros_even * 2 > half || zeros_odd * 2 > half
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units).collect::<Result<String, _>>().ok()
}

/// Windows-1251 (Cyrillic) or Windows-1252 (Western European), for files
/// that are not UTF-8. Cyrillic words are runs of high bytes; accented
/// Latin letters stand alone between ASCII ones, which tells them apart.
fn single_byte(bytes: &[u8]) -> String {
    let (mut in_runs, mut alone) = (0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        if b >= 0x80 {
            let before = i > 0 && bytes[i - 1] >= 0x80;
            let after = bytes.get(i + 1).is_some_and(|&n| n >= 0x80);
            if before || after {
                in_runs += 1;
            } else {
                alone += 1;
            }
        }
    }
    let cyrillic = in_runs >= alone;
    bytes.iter().map(|&b| if cyrillic { windows_1251(b) } else { windows_1252(b) }).collect()
}

fn windows_1251(b: u8) -> char {
    const HIGH: &str = "ЂЃ‚ѓ„…†‡€‰Љ‹ЊЌЋЏђ‘’“”•–—\u{98}™љ›њќћџ\u{A0}ЎўЈ¤Ґ¦§Ё©Є«¬\u{AD}®Ї°±Ііґµ¶·ё№є»јЅѕї";
    match b {
        0..=0x7F => char::from(b),
        0x80..=0xBF => HIGH.chars().nth(usize::from(b - 0x80)).unwrap_or('\u{FFFD}'),
        // А..я are in order from 0xC0.
        _ => char::from_u32(0x410 + u32::from(b - 0xC0)).unwrap_or('\u{FFFD}'),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8D}Ž\u{8F}\u{90}‘’“”•–—˜™š›œ\u{9D}žŸ";
    match b {
        0x80..=0x9F => HIGH.chars().nth(usize::from(b - 0x80)).unwrap_or('\u{FFFD}'),
        _ => char::from(b),
    }
}

/// Reads CSV or TSV text (RFC 4180 quoting, with line breaks inside quotes;
/// `\r\n`, `\n` or `\r` between rows). The separator is the one the header
/// row uses most: a tab, a semicolon or a comma.
pub fn parse(text: &str) -> Result<Table, Unreadable> {
    let separator = separator_of(text);
    let mut rows: Vec<Row> = Vec::new();
    let mut cells: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut row = 1;
    // Rows counted as a spreadsheet counts them: a line break inside quotes
    // stays in its cell and row.
    let mut quoted_from: Option<usize> = None;
    let mut cell_started = false;
    let mut end_row = |cells: &mut Vec<String>, cell: &mut String, row: usize| {
        cells.push(unguarded(std::mem::take(cell)));
        let taken = std::mem::take(cells);
        if taken.iter().any(|c| !c.is_empty()) {
            rows.push(Row { number: row, cells: taken });
        }
    };
    while let Some(c) = chars.next() {
        if quoted_from.is_some() {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted_from = None;
                }
            } else if c == '\r' {
                // A line break in a cell is one break, however it was written.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                cell.push('\n');
            } else {
                cell.push(c);
            }
            continue;
        }
        match c {
            '"' if !cell_started => {
                quoted_from = Some(row);
                cell_started = true;
            }
            c if c == separator => {
                cells.push(unguarded(std::mem::take(&mut cell)));
                cell_started = false;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                end_row(&mut cells, &mut cell, row);
                cell_started = false;
                row += 1;
            }
            ' ' if !cell_started => {}
            c => {
                cell.push(c);
                cell_started = true;
            }
        }
    }
    if let Some(from) = quoted_from {
        return Err(Unreadable {
            row: Some(from),
            message: "a quoted cell that starts in this row never ends: a closing \" is missing".to_string(),
        });
    }
    end_row(&mut cells, &mut cell, row);
    let mut rows = rows.into_iter();
    let header = rows.next().map(|r| r.cells).unwrap_or_default();
    Ok(Table { header, rows: rows.collect() })
}

/// Cells lose the spaces around them; and the `'` our CSV writer puts
/// before a leading `=`, `+`, `-`, `@`, tab or carriage return (so that a
/// spreadsheet never runs it as a formula) is taken off again.
fn unguarded(cell: String) -> String {
    let trimmed = cell.trim_end_matches([' ', '\u{A0}']);
    match trimmed.strip_prefix('\'') {
        Some(rest) if crate::export::looks_like_formula(rest) => rest.to_string(),
        _ => trimmed.to_string(),
    }
}

fn separator_of(text: &str) -> char {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            '\t' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            ',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    if counts[0] > 0 {
        '\t'
    } else if counts[1] > counts[2] {
        ';'
    } else {
        ','
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(table: &Table) -> Vec<Vec<&str>> {
        table.rows.iter().map(|r| r.cells.iter().map(String::as_str).collect()).collect()
    }

    #[test]
    fn reads_quoted_cells_with_line_breaks_and_counts_rows_as_a_spreadsheet_does() {
        let table = parse("date,title\r\n2007,\"Bridge, \"\"new\"\"\nopened\"\r\n\r\n2008 , plain \n").unwrap();
        assert_eq!(table.header, ["date", "title"]);
        assert_eq!(cells(&table), [vec!["2007", "Bridge, \"new\"\nopened"], vec!["2008", "plain"]]);
        assert_eq!(table.rows.iter().map(|r| r.number).collect::<Vec<_>>(), [2, 4]);
    }

    #[test]
    fn finds_the_separator_from_the_header() {
        assert_eq!(cells(&parse("a;b\n1,5;x").unwrap()), [vec!["1,5", "x"]]);
        assert_eq!(cells(&parse("a\tb\n1,5\tx;y").unwrap()), [vec!["1,5", "x;y"]]);
        assert_eq!(cells(&parse("\"a;b\",c\n1,2").unwrap()), [vec!["1", "2"]]);
    }

    #[test]
    fn an_unclosed_quote_says_where_it_began() {
        let error = parse("a,b\n1,2\n3,\"four\n5,6\n").unwrap_err();
        assert_eq!(error.row, Some(3));
        assert!(error.message.contains("never ends"), "{}", error.message);
    }

    #[test]
    fn formula_text_stays_text_and_our_guard_comes_off() {
        let table = parse("a,b\n\"=HYPERLINK(\"\"http://x\"\")\",'=1+1\n").unwrap();
        assert_eq!(cells(&table), [vec!["=HYPERLINK(\"http://x\")", "=1+1"]]);
    }

    #[test]
    fn decodes_every_encoding_a_spreadsheet_program_writes() {
        let text = "Дата;Событие\n2007;Мост";
        assert_eq!(decode(text.as_bytes()).unwrap(), text);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(&bom).unwrap(), text);
        let mut le = vec![0xFF, 0xFE];
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le).unwrap(), text);
        let mut be = vec![0xFE, 0xFF];
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be).unwrap(), text);
        // Without a byte-order mark, told by the zero bytes of ASCII letters.
        let ascii = "date,title\n2007,Bridge";
        let bare_le: Vec<u8> = ascii.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&bare_le).unwrap(), ascii);
        let bare_be: Vec<u8> = ascii.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&bare_be).unwrap(), ascii);
        // Windows-1251, as a Russian Excel saves CSV.
        let cp1251: Vec<u8> = text
            .chars()
            .map(|c| match c {
                'А'..='я' => (c as u32 - 0x410 + 0xC0) as u8,
                c => c as u8,
            })
            .collect();
        assert_eq!(decode(&cp1251).unwrap(), text);
        // Windows-1252: "Café; Škoda".
        assert_eq!(decode(b"Caf\xE9;\x8Akoda").unwrap(), "Café;Škoda");
        assert_eq!(decode(&[0x88, 0xB8]).unwrap(), "€ё");
    }

    #[test]
    fn refuses_what_is_not_text_and_says_what_it_is() {
        assert!(decode(b"PK\x03\x04rest").unwrap_err().message.contains(".xlsx"));
        assert!(decode(&[0xD0, 0xCF, 0x11, 0xE0, 1, 2]).unwrap_err().message.contains(".xls"));
        assert!(decode(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).unwrap_err().message.contains("not text"));
        assert!(parse("").unwrap().header.is_empty());
    }
}
