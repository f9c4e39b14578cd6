use super::*;

/// What `pieces` yields, written out: `<name`, `<name/>`, `</name>`, a text length, or `-`
/// for an aside.
fn seen<R: Read>(pieces: &mut Pieces<R>) -> Result<Vec<String>, Refusal> {
    let mut out = Vec::new();
    while let Some(piece) = pieces.next()? {
        out.push(match piece {
            Piece::Open { tag, closed: false } => format!("<{}", tag.name()),
            Piece::Open { tag, closed: true } => format!("<{}/>", tag.name()),
            Piece::Close(end) => format!("</{}>", end.name()),
            Piece::Text(len) => len.to_string(),
            Piece::Aside => "-".to_string(),
        });
    }
    Ok(out)
}

fn drain(xml: &[u8]) -> Result<usize, Refusal> {
    Ok(seen(&mut Pieces::new(xml))?.len())
}

#[test]
fn pieces_follow_quotes_comments_and_cdata() {
    let xml = "<r><a x='1>2' y=\"<\"/><!-- <b> --><![CDATA[<c>]]><?pi <d>?>text<e/></r>";
    let mut pieces = Pieces::new(xml.as_bytes());
    assert_eq!(
        seen(&mut pieces).expect("short input"),
        ["<r", "<a/>", "-", "-", "-", "4", "<e/>", "</r>"]
    );
    assert!(!pieces.broken());
    let mut pieces = Pieces::new(xml.as_bytes());
    pieces.next().expect("short input");
    let Some(Piece::Open { tag, closed: true }) = pieces.next().expect("short input") else {
        panic!("the second piece is the self-closing tag");
    };
    assert_eq!(tag.attr("x").as_deref(), Some("1>2"));
    assert_eq!(tag.attr("y").as_deref(), Some("<"));
    assert_eq!(tag.attr("z"), None);
    assert_eq!(tag.size(), "a x='1>2' y=\"<\"".len() as u64);
}

#[test]
fn text_is_counted_as_written_escapes_and_all() {
    let xml = "<t>Staff &amp; training&#33;</t>";
    let total: u64 = collect_text(xml.as_bytes());
    assert_eq!(total, "Staff &amp; training&#33;".len() as u64);
}

fn collect_text(xml: &[u8]) -> u64 {
    let mut pieces = Pieces::new(xml);
    let mut total = 0;
    while let Some(piece) = pieces.next().expect("short input") {
        if let Piece::Text(len) = piece {
            total += len;
        }
    }
    total
}

#[test]
fn attribute_escapes_are_decoded_as_calamine_decodes_them() {
    let xml = "<t n=\"A &amp; B&#33;\" m=\"&nope;\"/>";
    let mut pieces = Pieces::new(xml.as_bytes());
    let Some(Piece::Open { tag, .. }) = pieces.next().expect("short input") else {
        panic!("a tag");
    };
    assert_eq!(tag.unescaped_attr("n").as_deref(), Some("A & B!"));
    assert_eq!(tag.unescaped_attr("m").as_deref(), Some("&nope;"));
    assert_eq!(tag.unescaped_attr("k"), None);
}

#[test]
fn a_giant_piece_is_refused() {
    let text = "x".repeat(MAX_PIECE + 1);
    assert_eq!(drain(text.as_bytes()), Err(Refusal::Piece));
    let tag = format!("<a b=\"{text}\">");
    assert_eq!(drain(tag.as_bytes()), Err(Refusal::Piece));
    let comment = format!("<!--{text}-->");
    assert_eq!(drain(comment.as_bytes()), Err(Refusal::Piece));
    let half = "x".repeat(MAX_PIECE / 2);
    let escaped = format!("<a>{half}&amp;{half}</a>");
    assert_eq!(drain(escaped.as_bytes()), Err(Refusal::Piece));
    let fits = format!("<a>{}</a>", "x".repeat(MAX_PIECE));
    assert_eq!(drain(fits.as_bytes()), Ok(3));
}

#[test]
fn a_giant_piece_is_refused_before_it_is_held() {
    let mut pieces = Pieces::with_caps(&b"<a>"[..], 1 << 20, u64::MAX);
    pieces.next().expect("a tag");
    let text = vec![b'x'; 10 << 20];
    let mut pieces = Pieces::with_caps(&text[..], 1 << 20, u64::MAX);
    assert!(matches!(pieces.next(), Err(Refusal::Piece)));
    assert!(
        pieces.buf.capacity() < 3 << 20,
        "the buffer held {} bytes",
        pieces.buf.capacity()
    );
}

#[test]
fn content_past_its_cap_is_refused() {
    let xml = "<a/>".repeat(100_000);
    let mut pieces = Pieces::with_caps(xml.as_bytes(), 1 << 10, 100_000);
    assert!(matches!(seen(&mut pieces), Err(Refusal::Content)));
    let mut pieces = Pieces::with_caps(xml.as_bytes(), 1 << 10, xml.len() as u64);
    assert_eq!(seen(&mut pieces).map(|s| s.len()), Ok(100_000));
}

#[test]
fn elements_left_open_are_held_together_as_one_piece() {
    let nest = "<abc>".repeat(1000);
    let mut pieces = Pieces::with_caps(nest.as_bytes(), 1 << 10, u64::MAX);
    assert_eq!(seen(&mut pieces), Err(Refusal::Piece));
    let closed = "<abc></abc>".repeat(1000);
    let mut pieces = Pieces::with_caps(closed.as_bytes(), 1 << 10, u64::MAX);
    assert_eq!(seen(&mut pieces).map(|s| s.len()), Ok(2000));
}

#[test]
fn content_cut_short_ends_where_it_stops() {
    // The ods look refuses such a sheet as unfinished: calamine would wait for its end for
    // ever, or stop at the cut, which is the same damage.
    for cut in [
        "<a><b>text",
        "<a><b/>",
        "<a><b x=\"1",
        "<a><!-- note",
        "<a><b></b>\n",
    ] {
        let mut pieces = Pieces::new(cut.as_bytes());
        seen(&mut pieces).expect("short input");
        assert!(!pieces.broken(), "{cut}");
    }
}

#[test]
fn broken_xml_ends_where_calamine_stops_too() {
    let broken: [&[u8]; 4] = [
        b"<a></a></a><b/>",
        b"<a>\xFF\xFE</a><b/>",
        b"<a><!x><b/>",
        b"<a>x &am<b/>",
    ];
    for broken in broken {
        let mut pieces = Pieces::new(broken);
        let pieces_seen = seen(&mut pieces).expect("short input");
        assert!(pieces.broken(), "{pieces_seen:?}");
        assert!(!pieces_seen.contains(&"<b/>".to_string()));
        assert!(pieces.next().expect("still ended").is_none());
    }
}
