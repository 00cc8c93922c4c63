//! A group's documents: held in memory, or written to a temporary file as they arrive and read
//! back as they are listed ([`crate::CompareBuilder::documents_on_disk`]), so that what a
//! comparison holds in memory does not grow with the number of documents it has read.
//!
//! On disk, each document is one record: the offset of its group's previous record plus one
//! (0 for the first), the length of what follows, and the document as JSON. A group keeps only
//! its last record's offset (plus one) and its count; listing it walks the chain back.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::sync::{Arc, Mutex};

use serde::ser::{Error as _, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::model::DocumentRef;
use crate::error::{Error, Result};

/// The bytes before a record's document: the previous record's offset plus one, and the length.
const HEADER: usize = 12;

/// A group's documents, in the order they were added. Serialises as a list of
/// [`DocumentRef`]s whether it is held in memory or on disk.
///
/// ```
/// use letters_core::compare::{DocumentRef, Documents};
/// use letters_core::DocKind;
///
/// let doc = DocumentRef { path: "a.txt".into(), kind: DocKind::InspectionLetter, date: None,
///     inspection_end: None, inspection_type: None, topic_code: None, words: 12 };
/// let docs = Documents::from(vec![doc.clone()]);
/// assert_eq!(docs.len(), 1);
/// assert_eq!(docs.to_vec().unwrap(), vec![doc]);
/// ```
#[derive(Clone)]
pub struct Documents(Held);

#[derive(Clone)]
enum Held {
    Memory(Vec<DocumentRef>),
    Disk { shelf: Arc<Shelf>, last: u64, len: usize },
}

impl Documents {
    /// How many documents.
    pub fn len(&self) -> usize {
        match &self.0 {
            Held::Memory(v) => v.len(),
            Held::Disk { len, .. } => *len,
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The documents in order, each read back from disk if that is where they are held
    /// ([`Error::Io`] if reading fails).
    pub fn iter(&self) -> impl Iterator<Item = Result<DocumentRef>> + '_ {
        let it: Box<dyn Iterator<Item = Result<DocumentRef>> + '_> = match &self.0 {
            Held::Memory(v) => Box::new(v.iter().cloned().map(Ok)),
            Held::Disk { shelf, last, len } => match shelf.records(*last, *len) {
                Ok(at) => Box::new(at.into_iter().map(move |(at, n)| shelf.read(at, n))),
                Err(e) => Box::new(std::iter::once(Err(e))),
            },
        };
        it
    }

    /// All of them, read back from disk if that is where they are held.
    pub fn to_vec(&self) -> Result<Vec<DocumentRef>> {
        self.iter().collect()
    }
}

impl From<Vec<DocumentRef>> for Documents {
    fn from(v: Vec<DocumentRef>) -> Documents {
        Documents(Held::Memory(v))
    }
}

impl std::fmt::Debug for Documents {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            Held::Memory(v) => f.debug_list().entries(v).finish(),
            Held::Disk { len, .. } => write!(f, "Documents({len} on disk)"),
        }
    }
}

/// Equal when both list the same documents in the same order. A list that cannot be read
/// back is equal to none, not even to itself (so there is no `Eq`).
impl PartialEq for Documents {
    fn eq(&self, other: &Documents) -> bool {
        self.len() == other.len()
            && self.iter().zip(other.iter()).all(|(a, b)| matches!((a, b), (Ok(a), Ok(b)) if a == b))
    }
}

impl Serialize for Documents {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        if let Held::Memory(v) = &self.0 {
            return v.serialize(s);
        }
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for d in self.iter() {
            seq.serialize_element(&d.map_err(S::Error::custom)?)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Documents {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Documents, D::Error> {
        Vec::deserialize(d).map(Documents::from)
    }
}

/// Where documents are written while a comparison is built.
#[derive(Debug)]
pub(super) struct Spill {
    out: BufWriter<File>,
    at: u64,
    failed: Option<io::Error>,
}

/// A group's documents while a comparison is built: in memory, or the end of its chain of
/// records on disk.
#[derive(Debug, Default)]
pub(super) struct Pending {
    memory: Vec<DocumentRef>,
    /// The offset of the last record on disk, plus one (0: none).
    last: u64,
    len: usize,
}

impl Spill {
    /// A spill in a new temporary file, deleted when the last reader of it is dropped.
    pub(super) fn new() -> io::Result<Spill> {
        Ok(Spill { out: BufWriter::new(tempfile::tempfile()?), at: 0, failed: None })
    }

    /// Writes one record after `prev` (0: none); its length in bytes.
    fn write(&mut self, prev: u64, doc: &DocumentRef) -> io::Result<u64> {
        let json = serde_json::to_vec(doc).map_err(io::Error::other)?;
        let n = u32::try_from(json.len()).map_err(io::Error::other)?;
        self.out.write_all(&prev.to_le_bytes())?;
        self.out.write_all(&n.to_le_bytes())?;
        self.out.write_all(&json)?;
        Ok((HEADER + json.len()) as u64)
    }

    /// Done writing: the file, ready to be read by every group's [`Documents`].
    pub(super) fn finish(self) -> Arc<Shelf> {
        let why = |e: &io::Error| (e.kind(), e.to_string());
        let file = match (self.failed, self.out.into_inner()) {
            (Some(e), _) => Err(why(&e)),
            (None, Ok(file)) => Ok(Mutex::new(file)),
            (None, Err(e)) => Err(why(e.error())),
        };
        Arc::new(Shelf { file })
    }
}

impl Pending {
    /// Adds `doc`: to the file if there is one (the first error is kept, to be reported when
    /// the documents are read), otherwise to memory.
    pub(super) fn push(&mut self, spill: Option<&mut Spill>, doc: DocumentRef) {
        self.len += 1;
        let Some(spill) = spill else {
            self.memory.push(doc);
            return;
        };
        if spill.failed.is_some() {
            return;
        }
        match spill.write(self.last, &doc) {
            Ok(n) => {
                self.last = spill.at + 1;
                spill.at += n;
            }
            Err(e) => spill.failed = Some(e),
        }
    }

    /// The group's documents, on `shelf` if they were spilled there. A comparer spills all of
    /// its documents or none.
    pub(super) fn done(self, shelf: Option<&Arc<Shelf>>) -> Documents {
        match shelf {
            Some(shelf) => {
                debug_assert!(self.memory.is_empty(), "documents both in memory and on disk");
                Documents(Held::Disk { shelf: Arc::clone(shelf), last: self.last, len: self.len })
            }
            None => Documents::from(self.memory),
        }
    }
}

/// The spilled documents of a finished comparison, or why they cannot be read.
pub(super) struct Shelf {
    file: std::result::Result<Mutex<File>, (io::ErrorKind, String)>,
}

/// A problem with the temporary file, as an error that says it is about that file.
fn failed(kind: io::ErrorKind, why: impl std::fmt::Display) -> Error {
    Error::Io(io::Error::new(kind, format!("the documents written to a temporary file: {why}")))
}

/// [`failed`] for an I/O error, keeping its kind.
fn io_failed(e: io::Error) -> Error {
    failed(e.kind(), e)
}

impl Shelf {
    fn file(&self) -> Result<std::sync::MutexGuard<'_, File>> {
        match &self.file {
            Ok(m) => m.lock().map_err(|_| failed(io::ErrorKind::Other, "a thread reading them panicked")),
            Err((kind, why)) => Err(failed(*kind, why)),
        }
    }

    /// The offsets and lengths of a group's `len` records, first to last, from its last.
    fn records(&self, last: u64, len: usize) -> Result<Vec<(u64, usize)>> {
        let corrupt = |why| failed(io::ErrorKind::InvalidData, why);
        let mut file = self.file()?;
        let mut at = Vec::with_capacity(len);
        let mut next = last;
        while next > 0 {
            if at.len() == len {
                return Err(corrupt("more records than documents"));
            }
            let mut header = [0u8; HEADER];
            file.seek(SeekFrom::Start(next - 1)).and_then(|_| file.read_exact(&mut header)).map_err(io_failed)?;
            let (prev, n) = header.split_at(8);
            at.push((next - 1, u32::from_le_bytes(n.try_into().expect("4 bytes")) as usize));
            next = u64::from_le_bytes(prev.try_into().expect("8 bytes"));
        }
        if at.len() != len {
            return Err(corrupt("fewer records than documents"));
        }
        at.reverse();
        Ok(at)
    }

    /// The document of the record at `at`, `n` bytes long.
    fn read(&self, at: u64, n: usize) -> Result<DocumentRef> {
        let mut buf = vec![0u8; n];
        let mut file = self.file()?;
        file.seek(SeekFrom::Start(at + HEADER as u64)).and_then(|_| file.read_exact(&mut buf)).map_err(io_failed)?;
        drop(file);
        serde_json::from_slice(&buf).map_err(|e| failed(io::ErrorKind::InvalidData, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::DocKind;
    use crate::{CompareBuilder, Comparison, Document, Tagger};

    fn letter(area: &str, finding: &str) -> String {
        format!("Dear X\n\nJoint targeted area inspection of {area}\n\nWhat needs to improve?\n\n- {finding}\n")
    }

    /// Five letters about two areas, added alternately, into a comparison kept in memory or on disk.
    fn compare(on_disk: bool) -> Comparison {
        let tagger = Tagger::new();
        let mut comparer = CompareBuilder::new().documents_on_disk(on_disk).build(tagger.taxonomy());
        let areas = ["Kent", "Essex", "Kent", "Essex", "Kent"];
        for (i, area) in areas.iter().enumerate() {
            let text = letter(area, &"Access to therapy. ".repeat(i + 1));
            let doc = Document::parse(&text);
            comparer.add(&format!("{i}.txt"), &doc, &tagger.tag_document(&doc));
        }
        comparer.finish()
    }

    fn paths(d: &Documents) -> Vec<String> {
        d.iter().map(|d| d.unwrap().path).collect()
    }

    #[test]
    fn documents_on_disk_list_as_in_memory() {
        let (disk, memory) = (compare(true), compare(false));
        let group = |c: &Comparison, area: &str| c.areas.iter().find(|g| g.area == area).unwrap().documents.clone();
        assert!(matches!(group(&disk, "Kent").0, Held::Disk { .. }));
        assert!(matches!(group(&memory, "Kent").0, Held::Memory(_)));
        assert_eq!(paths(&group(&disk, "Kent")), ["0.txt", "2.txt", "4.txt"]);
        assert_eq!(paths(&group(&disk, "Essex")), ["1.txt", "3.txt"]);
        assert_eq!(group(&disk, "Essex").len(), 2);
        let words: Vec<usize> = group(&disk, "Kent").iter().map(|d| d.unwrap().words).collect();
        assert_eq!(words, [3, 9, 15]); // "Access to therapy." once, three and five times
        assert_eq!(disk, memory);
        assert_eq!(serde_json::to_string(&disk).unwrap(), serde_json::to_string(&memory).unwrap());
    }

    #[test]
    fn a_list_read_back_from_json_is_held_in_memory() {
        let disk = compare(true);
        let back: Comparison = serde_json::from_str(&serde_json::to_string(&disk).unwrap()).unwrap();
        assert!(back.areas.iter().all(|g| matches!(g.documents.0, Held::Memory(_))));
        assert_eq!(back, disk);
    }

    fn doc(path: &str) -> DocumentRef {
        DocumentRef {
            path: path.into(),
            kind: DocKind::InspectionLetter,
            date: None,
            inspection_end: None,
            inspection_type: None,
            topic_code: None,
            words: 1,
        }
    }

    #[test]
    fn a_spill_that_failed_is_an_error_when_its_documents_are_read() {
        let mut spill = Spill::new().unwrap();
        let mut group = Pending::default();
        group.push(Some(&mut spill), doc("a.txt"));
        spill.failed = Some(io::Error::from(io::ErrorKind::StorageFull));
        group.push(Some(&mut spill), doc("b.txt"));
        let docs = group.done(Some(&spill.finish()));
        assert_eq!(docs.len(), 2);
        let err = docs.to_vec().unwrap_err();
        assert!(matches!(&err, Error::Io(e) if e.kind() == io::ErrorKind::StorageFull));
        assert_eq!(err.to_string(), "the documents written to a temporary file: no storage space");
        let json = serde_json::to_string(&docs).unwrap_err().to_string();
        assert_eq!(json, "the documents written to a temporary file: no storage space");
        assert_ne!(docs, Documents::from(vec![doc("a.txt"), doc("b.txt")]));
        assert_ne!(docs, docs.clone());
    }

    #[test]
    fn a_chain_of_another_length_than_its_count_is_an_error() {
        let mut spill = Spill::new().unwrap();
        let mut group = Pending::default();
        group.push(Some(&mut spill), doc("a.txt"));
        group.push(Some(&mut spill), doc("b.txt"));
        let shelf = spill.finish();
        let with = |len| Documents(Held::Disk { shelf: Arc::clone(&shelf), last: group.last, len });
        assert_eq!(paths(&with(2)), ["a.txt", "b.txt"]);
        for (len, why) in [(1, "more records than documents"), (3, "fewer records than documents")] {
            let err = with(len).to_vec().unwrap_err();
            assert_eq!(err.to_string(), format!("the documents written to a temporary file: {why}"));
        }
    }
}
