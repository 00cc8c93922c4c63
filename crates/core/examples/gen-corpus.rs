//! A deterministic synthetic corpus for benchmarks: letters recombined from the two JTAI
//! letters of `corpus/` under their real headings, with other areas, names and dates, and the
//! page furniture real extractions carry (logo blocks at page breaks, paragraphs split across
//! pages).
//!
//! ```text
//! cargo run --release -p letters-core --example gen-corpus -- N DIR [--seed S] [--concat FILE]
//! ```
//!
//! Letter `i` depends only on the seed and `i`, so a larger `N` extends a smaller one.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fmt::Write as _;
use std::path::PathBuf;

use letters_core::{BlockKind, Document, SectionKind};

/// splitmix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, i: u64) -> Rng {
        Rng(seed ^ i.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len())]
    }

    /// `k` distinct elements in their original order.
    fn sample<'a, T>(&mut self, v: &'a [T], k: usize) -> Vec<&'a T> {
        let mut idx: Vec<usize> = (0..v.len()).collect();
        for i in 0..idx.len() {
            let j = i + self.below(idx.len() - i);
            idx.swap(i, j);
        }
        let mut chosen: Vec<usize> = idx.into_iter().take(k.min(v.len())).collect();
        chosen.sort_unstable();
        chosen.into_iter().map(|i| &v[i]).collect()
    }
}

const AREAS: &[&str] = &[
    "Barnsley",
    "Bedford",
    "Birmingham",
    "Blackburn with Darwen",
    "Blackpool",
    "Bolton",
    "Bournemouth",
    "Bracknell Forest",
    "Bradford",
    "Brent",
    "Brighton and Hove",
    "Bristol",
    "Bromley",
    "Buckinghamshire",
    "Bury",
    "Calderdale",
    "Cambridgeshire",
    "Camden",
    "Central Bedfordshire",
    "Cheshire East",
    "Cheshire West and Chester",
    "Cornwall",
    "Coventry",
    "Croydon",
    "Cumberland",
    "Darlington",
    "Derby",
    "Derbyshire",
    "Devon",
    "Doncaster",
    "Dorset",
    "Dudley",
    "Durham",
    "Ealing",
    "East Riding of Yorkshire",
    "East Sussex",
    "Enfield",
    "Essex",
    "Gateshead",
    "Gloucestershire",
    "Greenwich",
    "Hackney",
    "Halton",
    "Hampshire",
    "Haringey",
    "Harrow",
    "Hartlepool",
    "Havering",
    "Herefordshire",
    "Hertfordshire",
    "Hillingdon",
    "Hounslow",
    "Isle of Wight",
    "Islington",
    "Kent",
    "Kingston upon Hull",
    "Kirklees",
    "Knowsley",
    "Lambeth",
    "Lancashire",
    "Leeds",
    "Leicester",
    "Lewisham",
    "Lincolnshire",
    "Liverpool",
    "Luton",
    "Manchester",
    "Medway",
    "Merton",
    "Middlesbrough",
    "Milton Keynes",
    "Newcastle upon Tyne",
    "Newham",
    "Norfolk",
    "North Lincolnshire",
    "North Somerset",
    "North Tyneside",
    "North Yorkshire",
    "Northumberland",
    "Nottingham",
    "Nottinghamshire",
    "Oldham",
    "Peterborough",
    "Plymouth",
    "Portsmouth",
    "Reading",
    "Redbridge",
    "Redcar and Cleveland",
    "Richmond upon Thames",
    "Rochdale",
    "Rotherham",
    "Rutland",
    "Salford",
    "Sandwell",
    "Sefton",
    "Sheffield",
    "Shropshire",
    "Slough",
    "Solihull",
    "Somerset",
    "South Gloucestershire",
    "South Tyneside",
    "Southampton",
    "Southend-on-Sea",
    "Southwark",
    "St Helens",
    "Staffordshire",
    "Stockport",
    "Stockton-on-Tees",
    "Stoke-on-Trent",
    "Suffolk",
    "Sunderland",
    "Surrey",
    "Sutton",
    "Swindon",
    "Tameside",
    "Telford and Wrekin",
    "Thurrock",
    "Torbay",
    "Tower Hamlets",
    "Trafford",
    "Wakefield",
    "Walsall",
    "Waltham Forest",
    "Wandsworth",
    "Warrington",
    "Warwickshire",
    "West Berkshire",
    "West Sussex",
    "Westminster",
    "Wigan",
    "Wiltshire",
    "Windsor and Maidenhead",
    "Wirral",
    "Wokingham",
    "Wolverhampton",
    "Worcestershire",
    "York",
];
const FIRST: &[&str] =
    &["Sam", "Alex", "Priya", "Joanne", "Mark", "Aisha", "David", "Helen", "Tom", "Rachel", "Imran", "Claire"];
const LAST: &[&str] =
    &["Patel", "Smith", "Jones", "Okafor", "Taylor", "Brown", "Khan", "Evans", "Walsh", "Hughes", "Clarke"];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const LOGO: &str = "\n\n\n\nHM Inspectorate\nof Probation\n\n\n\nCareQuality\nCommission\n\n\n\n";

/// The seed letters' blocks by section kind.
struct Seeds {
    by_kind: Vec<(SectionKind, Vec<(BlockKind, String)>)>,
}

impl Seeds {
    fn load() -> Seeds {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
        let mut by_kind: Vec<(SectionKind, Vec<(BlockKind, String)>)> = Vec::new();
        for name in ["jtai-2026-02-leicestershire.txt", "jtai-2026-05-oxfordshire.txt"] {
            let text = std::fs::read_to_string(dir.join(name)).expect("corpus letter");
            let doc = Document::parse(&text);
            let area = doc.meta.area.clone().unwrap_or_default();
            for s in &doc.sections {
                let blocks = s.blocks.iter().map(|b| (b.kind, b.text.replace(&area, "{AREA}")));
                match by_kind.iter_mut().find(|(k, _)| *k == s.kind) {
                    Some((_, v)) => v.extend(blocks),
                    None => by_kind.push((s.kind, blocks.collect())),
                }
            }
        }
        Seeds { by_kind }
    }

    fn blocks(&self, kind: SectionKind) -> &[(BlockKind, String)] {
        self.by_kind.iter().find(|(k, _)| *k == kind).map_or(&[], |(_, v)| v.as_slice())
    }
}

fn date(y: u32, m: usize, d: usize) -> String {
    format!("{d} {} {y}", MONTHS[m])
}

/// Appends `text` to `out`, inserting a page break (logo block) whenever a page fills up, now
/// and then in the middle of a paragraph.
fn write_paged(out: &mut String, text: &str, page: &mut usize, rng: &mut Rng) {
    const PAGE: usize = 4000;
    if *page + text.len() > PAGE && text.len() > 200 && rng.below(10) < 3 {
        // Split this paragraph across the page break, at a space.
        let cut = text[..text.len() / 2].rfind(' ').unwrap_or(0);
        if cut > 0 {
            out.push_str(&text[..cut]);
            out.push_str(LOGO);
            out.push_str(&text[cut + 1..]);
            *page = text.len() - cut;
            out.push_str("\n\n");
            return;
        }
    }
    if *page > PAGE {
        out.push_str(LOGO);
        *page = 0;
    }
    out.push_str(text);
    out.push_str("\n\n");
    *page += text.len();
}

fn letter(seeds: &Seeds, seed: u64, i: u64) -> String {
    let mut r = Rng::new(seed, i);
    let area = AREAS[i as usize % AREAS.len()];
    let year = 2023 + r.below(4) as u32;
    let month = r.below(12);
    let mut out = String::with_capacity(32 * 1024);
    let mut page = 0usize;
    out.push_str(LOGO.trim_start_matches('\n'));
    let _ = writeln!(out, "{}\n", date(year, month, 1 + r.below(27)));
    for role in ["Director of Children's Services", "Chief Executive", "Chief Constable", "Independent Scrutineer"] {
        let _ = writeln!(out, "{} {}, {role}, {area}", r.pick(FIRST), r.pick(LAST));
    }
    let _ = writeln!(out, "\nDear {area} Safeguarding Children Partnership\n");
    let _ = writeln!(out, "Joint targeted area inspection of {area}\n");
    let start = 1 + r.below(20);
    let (im, iy) = if month >= 2 { (month - 2, year) } else { (month + 10, year - 1) };
    let _ = writeln!(
        out,
        "This letter summarises the findings of the joint targeted area inspection (JTAI) of the multi-agency response to child sexual abuse in the family environment in {area}.\n\nThis inspection took place from {start} to {} {} {iy}. It was carried out by inspectors from Ofsted, the Care Quality Commission (CQC), His Majesty's Inspectorate of Constabulary and Fire & Rescue Services (HMICFRS) and His Majesty's Inspectorate of Probation (HMIP).\n",
        start + 4,
        MONTHS[im]
    );
    let sections: [(SectionKind, &str, (usize, usize)); 7] = [
        (SectionKind::HeadlineFindings, "Headline findings", (3, 5)),
        (SectionKind::Improvements, "What needs to improve?", (3, 9)),
        (SectionKind::Strengths, "Strengths", (4, 9)),
        (SectionKind::MainFindings, "Main findings", (28, 45)),
        (SectionKind::PracticeStudyEffective, "Practice study: highly effective practice", (1, 3)),
        (SectionKind::PracticeStudyImprovement, "Practice study: area for improvement", (1, 2)),
        (SectionKind::NextSteps, "Next steps", (0, 0)),
    ];
    for (kind, heading, (lo, hi)) in sections {
        let _ = write!(out, "{heading}\n\n");
        page += heading.len();
        if kind == SectionKind::NextSteps {
            let dm = (month + 3) % 12;
            let dy = if month + 3 >= 12 { year + 1 } else { year };
            let text = format!(
                "We have determined that {area} County Council is the principal authority and should prepare a written statement of proposed action responding to the findings outlined in this letter.\n\nThe director of children's services should send the written statement of action to ProtectionOfChildren@ofsted.gov.uk by {}. This statement will inform the lines of enquiry at any future joint or single-agency activity by the inspectorates.",
                date(dy, dm, 1 + r.below(27))
            );
            write_paged(&mut out, &text, &mut page, &mut r);
            continue;
        }
        let pool = seeds.blocks(kind);
        let k = lo + r.below(hi - lo + 1);
        for (bk, text) in r.sample(pool, k) {
            let text = text.replace("{AREA}", area);
            let line = if *bk == BlockKind::Item { format!("- {text}") } else { text };
            if *bk == BlockKind::Item {
                out.push_str(&line);
                out.push('\n');
                page += line.len();
            } else {
                write_paged(&mut out, &line, &mut page, &mut r);
            }
        }
        out.push('\n');
    }
    out.push_str(LOGO.trim_start_matches('\n'));
    out.push_str("Yours sincerely\n\nYvette Stanley\nNational Director Regulation and Social Care, Ofsted\n\nMartin Jones CBE\nHis Majesty's Chief Inspector of Probation\n");
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut positional = Vec::new();
    let mut seed = 20_260_522u64;
    let mut concat: Option<PathBuf> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seed" => seed = args.next().and_then(|s| s.parse().ok()).expect("--seed N"),
            "--concat" => concat = args.next().map(PathBuf::from),
            _ => positional.push(a),
        }
    }
    let [n, dir] = positional.as_slice() else {
        eprintln!("usage: gen-corpus N DIR [--seed S] [--concat FILE]");
        std::process::exit(2);
    };
    let n: u64 = n.parse().expect("N is a number");
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("create DIR");
    let seeds = Seeds::load();
    let mut total = 0usize;
    let mut cat =
        concat.as_ref().map(|p| std::io::BufWriter::new(std::fs::File::create(p).expect("create --concat file")));
    for i in 0..n {
        let text = letter(&seeds, seed, i);
        total += text.len();
        std::fs::write(dir.join(format!("{i:05}.txt")), &text).expect("write letter");
        if let Some(w) = cat.as_mut() {
            use std::io::Write;
            if i > 0 {
                w.write_all(b"\x0c\n").expect("write");
            }
            w.write_all(text.as_bytes()).expect("write");
        }
    }
    println!("wrote {n} letters, {:.1} MB, to {}", total as f64 / 1e6, dir.display());
}
