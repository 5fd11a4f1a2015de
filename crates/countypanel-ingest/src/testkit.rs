//! Builders of DOCX and XLSX files for tests (feature `testkit`): the tests make their own
//! fixtures instead of committing binary files.

use std::io::Write;

/// A zip archive holding `entries` (name, text), deflated.
#[must_use]
pub fn zip(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default();
        for (name, body) in entries {
            z.start_file(*name, opts).expect("zip entry starts");
            z.write_all(body.as_bytes()).expect("zip entry writes");
        }
        z.finish().expect("zip closes");
    }
    buf.into_inner()
}

/// A DOCX file whose body is `body` (`WordprocessingML` paragraphs and tables).
#[must_use]
pub fn docx(body: &str) -> Vec<u8> {
    let xml = format!(
        "<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body>{body}</w:body></w:document>"
    );
    zip(&[("word/document.xml", &xml)])
}

/// An XLSX workbook with one worksheet whose XML is `sheet`.
#[must_use]
pub fn xlsx(sheet: &str) -> Vec<u8> {
    const SHEET_TYPE: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
    const BOOK_TYPE: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
    let types = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>";
    let rels = format!(
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{BOOK_TYPE}\" Target=\"xl/workbook.xml\"/></Relationships>"
    );
    let book = "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    let book_rels = format!(
        "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{SHEET_TYPE}\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
    );
    zip(&[
        ("[Content_Types].xml", types),
        ("_rels/.rels", &rels),
        ("xl/workbook.xml", book),
        ("xl/_rels/workbook.xml.rels", &book_rels),
        ("xl/worksheets/sheet1.xml", sheet),
    ])
}

/// A yearbook worksheet: a merged title row, a header row whose `hospital_beds` cell is merged
/// over an empty neighbour, and two data rows, the second computed by a formula (cached value
/// 1602).
pub const YEARBOOK_SHEET: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="inlineStr"><is><t>县域卫生资源</t></is></c></row>
<row r="2"><c r="A2" t="inlineStr"><is><t>year</t></is></c><c r="B2" t="inlineStr"><is><t>county</t></is></c><c r="C2" t="inlineStr"><is><t>hospital_beds</t></is></c><c r="D2"/></row>
<row r="3"><c r="A3"><v>2020</v></c><c r="B3" t="inlineStr"><is><t>嘉鱼县</t></is></c><c r="C3"><v>1535</v></c><c r="D3"><v>12</v></c></row>
<row r="4"><c r="A4"><v>2021</v></c><c r="B4" t="inlineStr"><is><t>嘉鱼县</t></is></c><c r="C4"><f>C3+67</f><v>1602</v></c><c r="D4"><v>13</v></c></row>
</sheetData><mergeCells count="2"><mergeCell ref="A1:D1"/><mergeCell ref="C2:D2"/></mergeCells></worksheet>"#;

/// A PDF holding one zlib-compressed stream of `expanded` spaces: a few kilobytes that a parser
/// would inflate to `expanded` bytes (a bomb when that is past `ingest.max_unzipped_bytes`).
#[must_use]
pub fn pdf_bomb(expanded: usize) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&vec![b' '; expanded]).expect("inflates");
    let packed = z.finish().expect("compresses");
    let mut pdf = format!(
        "%PDF-1.4\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length {} /Filter /FlateDecode >>\nstream\n",
        packed.len()
    )
    .into_bytes();
    pdf.extend_from_slice(&packed);
    pdf.extend_from_slice(b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    pdf
}

/// A paragraph and a table of `rows` (the first its header) in `WordprocessingML`.
#[must_use]
pub fn docx_table(paragraph: &str, rows: &[&[&str]]) -> String {
    let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
    let mut table = String::new();
    for r in rows {
        table.push_str("<w:tr>");
        for t in *r {
            table.push_str(&cell(t));
        }
        table.push_str("</w:tr>");
    }
    format!("<w:p><w:r><w:t>{paragraph}</w:t></w:r></w:p><w:tbl>{table}</w:tbl>")
}

/// A Word 97-2003 file (a compound file with a `WordDocument` and a `1Table` stream) whose main
/// document is `text` (paragraphs ended by `\r`, cells by `\u{7}`), stored in two pieces: the
/// text up to the first ASCII digit as UTF-16, the rest, when it is ASCII, as 8-bit text.
#[must_use]
pub fn word97(text: &str) -> Vec<u8> {
    let chars: Vec<char> = text.chars().collect();
    let split = chars
        .iter()
        .position(char::is_ascii_digit)
        .filter(|&k| chars[k..].iter().all(char::is_ascii))
        .unwrap_or(chars.len());
    // The file information block: FibBase, 14 words, 22 longs (ccpText the 4th), 93 pairs of
    // offsets and lengths (the piece table the 34th), no newer blocks.
    let mut word = vec![0u8; 2048];
    word[0..2].copy_from_slice(&0xA5ECu16.to_le_bytes());
    word[2..4].copy_from_slice(&0x00C1u16.to_le_bytes());
    word[0x0A..0x0C].copy_from_slice(&0x0200u16.to_le_bytes());
    word[32..34].copy_from_slice(&14u16.to_le_bytes());
    word[62..64].copy_from_slice(&22u16.to_le_bytes());
    let ccp = u32::try_from(chars.len()).expect("a short text");
    word[64 + 12..64 + 16].copy_from_slice(&ccp.to_le_bytes());
    word[152..154].copy_from_slice(&93u16.to_le_bytes());
    // The UTF-16 piece at 2048, the 8-bit piece after it.
    let wide_at = word.len();
    for c in &chars[..split] {
        let mut units = [0u16; 2];
        for u in c.encode_utf16(&mut units) {
            word.extend_from_slice(&u.to_le_bytes());
        }
    }
    let narrow_at = word.len();
    word.extend(chars[split..].iter().map(|&c| c as u8));
    let mut pieces: Vec<(u32, u32, u32)> = vec![(0, split as u32, wide_at as u32)];
    if split < chars.len() {
        pieces.push((split as u32, ccp, (narrow_at as u32 * 2) | 0x4000_0000));
    }
    let mut plc = Vec::new();
    for (start, _, _) in &pieces {
        plc.extend_from_slice(&start.to_le_bytes());
    }
    plc.extend_from_slice(&ccp.to_le_bytes());
    for (_, _, fc) in &pieces {
        plc.extend_from_slice(&0u16.to_le_bytes());
        plc.extend_from_slice(&fc.to_le_bytes());
        plc.extend_from_slice(&0u16.to_le_bytes());
    }
    let mut table = vec![0x02u8];
    table.extend_from_slice(&u32::try_from(plc.len()).expect("small").to_le_bytes());
    table.extend_from_slice(&plc);
    let lcb = u32::try_from(table.len()).expect("small");
    word[154 + 33 * 8..154 + 33 * 8 + 4].copy_from_slice(&0u32.to_le_bytes());
    word[154 + 33 * 8 + 4..154 + 33 * 8 + 8].copy_from_slice(&lcb.to_le_bytes());
    let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).expect("creates");
    for (name, data) in [("/WordDocument", &word), ("/1Table", &table)] {
        let mut s = file.create_stream(name).expect("a stream");
        s.write_all(data).expect("writes");
    }
    file.flush().expect("flushes");
    file.into_inner().into_inner()
}

/// An OFD file (GB/T 33190-2016) of one document with a page per entry of `pages`, each a list
/// of text codes (x, y in millimetres from the page's top left, text) in a 4 mm font.
#[must_use]
pub fn ofd(pages: &[&[(f64, f64, &str)]]) -> Vec<u8> {
    use std::fmt::Write as _;
    const NS: &str = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
    let root = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD {NS} Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody><ofd:DocInfo><ofd:DocID>test</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    );
    let mut list = String::new();
    let mut contents = Vec::new();
    for (k, codes) in pages.iter().enumerate() {
        let _ = write!(
            list,
            "<ofd:Page ID=\"{}\" BaseLoc=\"Pages/Page_{k}/Content.xml\"/>",
            k + 1
        );
        let mut objects = String::new();
        for (n, (x, y, text)) in codes.iter().enumerate() {
            let _ = write!(
                objects,
                "<ofd:TextObject ID=\"{}\" Boundary=\"{x} {} 180 6\" Font=\"3\" Size=\"4\"><ofd:TextCode X=\"0\" Y=\"4\">{text}</ofd:TextCode></ofd:TextObject>",
                100 + n,
                y - 4.0
            );
        }
        contents.push((
            format!("Doc_0/Pages/Page_{k}/Content.xml"),
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page {NS}><ofd:Content><ofd:Layer ID=\"2\">{objects}</ofd:Layer></ofd:Content></ofd:Page>"
            ),
        ));
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document {NS}><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>{list}</ofd:Pages></ofd:Document>"
    );
    let mut entries: Vec<(&str, &str)> =
        vec![("OFD.xml", &root), ("Doc_0/Document.xml", &document)];
    for (name, body) in &contents {
        entries.push((name, body));
    }
    zip(&entries)
}
