//! Matching names as they are written in documents: orders, commas, accents, preferred and
//! middle names, initials, everyday words and adults' titles.

use super::*;

fn held(cells: &[&str]) -> Names {
    let mut n = Names::default();
    for c in cells {
        n.add_cell(c);
    }
    n
}

#[test]
fn both_orders_commas_and_accents_match() {
    let n = held(&["Zoë Ärnström"]);
    assert!(n.found_in("We spoke to ZOE ARNSTROM today"));
    assert!(n.found_in("Ärnström, Zoë (Y5)"));
    assert!(n.found_in("Zoe\u{308}\nA\u{308}rnstro\u{308}m"));
    assert!(!n.found_in("Zoë went home"));
    assert!(!n.found_in("Zoë Ärnströms"));
}

#[test]
fn a_cell_naming_several_children_yields_each() {
    let n = held(&["Ömer Yılmaz (Y6) / Łukasz Nowak and Amy Lee, Ben Hart"]);
    assert_eq!(n.len(), 4);
    for text in ["Omer Yilmaz", "Nowak, Łukasz", "AMY LEE", "Hart Ben"] {
        assert!(n.found_in(text), "{text}");
    }
    let n = held(&["Nowak, Łukasz"]);
    assert_eq!(n.len(), 1);
    assert!(n.found_in("Łukasz Nowak said"));
    let n = held(&["Jamie Fox Year 6", "Sam Lee 6B"]);
    assert!(n.found_in("Jamie Fox") && n.found_in("Sam Lee"));
}

#[test]
fn common_words_need_both_parts_and_fillers_are_not_names() {
    let n = held(&["Grace", "Will Brown", "whole class", "Unknown"]);
    assert!(!n.found_in("By the grace of careful planning"));
    assert!(n.found_in("Will Brown") && n.found_in("BROWN Will"));
    assert!(
        !n.found_in("the staff will brown the toast"),
        "everyday words need capitals"
    );
    assert!(!n.found_in("the whole class"));
    let n = held(&["Ömer"]);
    assert!(n.found_in("Omer was upset"));
}

#[test]
fn preferred_names_and_apostrophes() {
    let mut n = Names::default();
    n.add_person(&Person {
        forenames: vec!["Oluwaseun", "Seun"],
        surnames: vec!["O'Neill"],
        whole: vec![],
    });
    assert!(n.found_in("Seun O’Neill"));
    assert!(n.found_in("ONeill, Oluwaseun"));
    assert!(n.found_in("seunoneill"));
    assert!(!n.found_in("Seun said"));
}

#[test]
fn names_never_print() {
    let n = held(&["Jamie Fox"]);
    assert_eq!(format!("{n:?}"), "Names(1 people held)");
}

#[test]
fn middle_names_initials_and_long_whole_names() {
    let n = held(&["Alfie Brooks", "LANCASTER Phoebe Anne"]);
    assert!(n.found_in("Alfie James Brooks raised it"));
    assert!(n.found_in("Alfie B. raised it"));
    assert!(n.found_in("Phoebe Lancaster") && n.found_in("Phoebe Anne Lancaster"));
    assert!(!n.found_in("Alfie raised it with Mr Brooks, then left"));
}

#[test]
fn everyday_phrases_are_not_names_unless_written_as_names() {
    let n = held(&["Amber Green", "May Do", "Hope Street"]);
    assert!(!n.found_in("rated red, amber, green"));
    assert!(!n.found_in("pupils may do the survey"));
    assert!(n.found_in("Amber Green joined") && n.found_in("GREEN Amber"));
    assert!(!n.found_in("Traffic lights: Green, Amber, Red"));
    assert!(!n.found_in("Key: Red / Amber / Green"));
    let n = held(&["Mark Ward", "Jack Palmer"]);
    assert!(n.found_in("Mark Ward joined"));
    assert!(!n.found_in("the Online Safety Mark. Ward 3 nurses visited"));
    assert!(!n.found_in("Online Safety Mark: the Ward Road site"));
    assert!(!n.found_in("Jack and Palmer") && n.found_in("Jack Tobias Palmer"));
    let n = held(&[
        "Digital leaders",
        "Parent concern",
        "Whole school",
        "See notes",
        "Anonymous report",
        "Year 6",
    ]);
    assert!(n.is_empty());
}

#[test]
fn titled_adults_and_lowercase_everyday_words_are_not_pupils() {
    let mut n = Names::default();
    for pupil in [
        "May Hall",
        "April Green",
        "Harry May",
        "Sam Will",
        "Ali Said",
    ] {
        n.add_cell(pupil);
    }
    for text in [
        "Filtering test, Mr Hall, May 2027",
        "Lead: Mrs Green\nApril 2027 review",
        "Harry may need a new login.",
        "Sam will lead the session.",
        "Mr Ali Said the review went well.",
    ] {
        assert!(!n.found_in(text), "{text}");
    }
    assert!(n.found_in("Harry May joined") && n.found_in("May Hall joined"));
    let mut n = Names::default();
    n.add_cell("Alfie Brooks");
    assert!(n.found_in("alfie.brooks@pupils.example.org"));
    assert!(n.found_in("Alfie;Brooks") && n.found_in("Alfie \"Alf\" Brooks"));
    assert!(n.found_in("q=Alfie+Brooks") && n.found_in("*Alfie* Brooks"));
    let mut n = Names::default();
    n.add_cell("Kai Müller");
    assert!(n.found_in("Kai Mueller") && n.found_in("Kai Muller"));
}

#[test]
fn only_a_title_written_as_one_directly_before_a_name_marks_an_adult() {
    let mut n = Names::default();
    n.add_cell("Alfie Brooks");
    n.add_cell("April Green");
    for text in [
        "We will miss Alfie Brooks.",
        "PC Alfie Brooks logged on",
        "Mrs\nAlfie Brooks",
        "Miss: Alfie Brooks",
        "Miss  Alfie Brooks",
        "WE WILL MISS ALFIE BROOKS",
        "mrs.alfie.brooks@x.org",
    ] {
        assert!(n.found_in(text), "{text}");
    }
    assert!(!n.found_in("Lead: Mrs Green\nApril 2027 review"));
    assert!(!n.found_in("Key dates for April\nGreen Week is 20-24 April"));
    assert!(n.found_in("April Green joined"));
}

#[test]
fn a_cell_read_again_counts_its_people_again_and_holds_nothing_new() {
    let cell = "Jamie Fox (Y6) / Sam Lee";
    let mut once = Names::default();
    once.add_cell(cell);
    let mut twice = Names::default();
    assert_eq!((twice.add_cell(cell), twice.add_cell(cell)), (2, 2));
    assert_eq!(twice.len(), 2 * once.len());
    assert_eq!(twice.variants.len(), once.variants.len());
    assert!(twice.found_in("I saw Sam Lee today"));
    // A long cell is read every time, not remembered.
    let long = "Jamie Fox and ".repeat(10) + "Sam Lee";
    assert_eq!(twice.add_cell(&long), twice.add_cell(&long));
    assert!(!twice.cells.contains_key(long.as_str()));
}
