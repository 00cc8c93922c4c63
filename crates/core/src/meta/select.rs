//! Choosing documents by what they say about themselves: their kind (of document or of
//! inspection), topic, date, area and region.

use super::gazetteer::find_authority;
use super::inspection::{InspectionType, TopicCode};
use super::model::{Date, DocKind, Meta};

/// Which documents to keep. Each filter given must hold (several values of one filter: any of
/// them); an empty selection keeps everything.
///
/// ```
/// use letters_core::{Document, meta::Selection};
///
/// let mut select = Selection::default();
/// select.kind("jtai").unwrap().area("London Borough of Sutton").unwrap();
/// let doc = Document::parse("10 May 2023\n\nDear all\n\nJoint targeted area inspection of Sutton\n\nText.\n");
/// assert!(select.matches(doc.kind, &doc.meta));
/// assert!(select.kind("ofsted-report").is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    kinds: Vec<String>,
    topics: Vec<TopicCode>,
    from: Option<Date>,
    to: Option<Date>,
    areas: Vec<String>,
    regions: Vec<String>,
}

impl Selection {
    /// Keeps documents of this kind: a kind of document (`inspection-letter`, `report`,
    /// `response-letter`, `briefing`, `plan`, `other`) or of inspection (`jtai`,
    /// `focused-visit`, `area-send`, …).
    ///
    /// # Errors
    /// When the kind is none of these.
    pub fn kind(&mut self, kind: &str) -> Result<&mut Self, String> {
        let known = DocKind::ALL.iter().any(|k| k.as_str() == kind) || kind.parse::<InspectionType>().is_ok();
        if !known {
            let docs: Vec<&str> = DocKind::ALL.iter().map(|k| k.as_str()).collect();
            let types: Vec<&str> = InspectionType::ALL.iter().map(|t| t.as_str()).collect();
            return Err(format!("unknown kind '{kind}' (one of {}, {})", docs.join(", "), types.join(", ")));
        }
        self.kinds.push(kind.to_string());
        Ok(self)
    }

    /// Keeps documents of this topic code (see [`super::TOPICS`]).
    ///
    /// # Errors
    /// When the code is not one of the list.
    pub fn topic(&mut self, code: &str) -> Result<&mut Self, String> {
        self.topics.push(code.parse::<TopicCode>()?);
        Ok(self)
    }

    /// Keeps documents dated on or after `from` (the letter's date, else the end of the
    /// inspection).
    pub fn from(&mut self, from: Date) -> &mut Self {
        self.from = Some(from);
        self
    }

    /// Keeps documents dated on or before `to`.
    pub fn to(&mut self, to: Date) -> &mut Self {
        self.to = Some(to);
        self
    }

    /// Keeps documents about this area, by any name of its authority or its ONS code.
    ///
    /// # Errors
    /// When no authority has that name or code.
    pub fn area(&mut self, name_or_code: &str) -> Result<&mut Self, String> {
        let a = find_authority(name_or_code, None)
            .ok_or_else(|| format!("no local authority is called '{name_or_code}' (give a name or an ONS code)"))?;
        self.areas.push(a.code);
        Ok(self)
    }

    /// Keeps documents about an area of this region ("London", "North West", "Wales").
    ///
    /// # Errors
    /// When no authority is in that region.
    pub fn region(&mut self, region: &str) -> Result<&mut Self, String> {
        let known: Vec<&str> = {
            let mut r: Vec<&str> = super::all_authorities().map(|a| a.region.as_str()).collect();
            r.sort_unstable();
            r.dedup();
            r
        };
        let Some(found) = known.iter().find(|r| r.eq_ignore_ascii_case(region)) else {
            return Err(format!("unknown region '{region}' (one of {})", known.join(", ")));
        };
        self.regions.push((*found).to_string());
        Ok(self)
    }

    /// Whether nothing is filtered.
    pub fn is_empty(&self) -> bool {
        *self == Selection::default()
    }

    /// Whether a document of kind `kind` with metadata `meta` is kept.
    pub fn matches(&self, kind: DocKind, meta: &Meta) -> bool {
        fn any<'a>(wanted: &[String], mut have: impl Iterator<Item = &'a str>) -> bool {
            wanted.is_empty() || have.any(|h| wanted.iter().any(|w| w == h))
        }
        let date = meta.date.or(meta.inspection.end);
        any(&self.kinds, [Some(kind.as_str()), meta.inspection_type.map(|t| t.as_str())].into_iter().flatten())
            && (self.topics.is_empty() || meta.topic_code.is_some_and(|t| self.topics.contains(&t)))
            && any(&self.areas, meta.authorities.iter().map(|a| a.code.as_str()))
            && any(&self.regions, meta.authorities.iter().map(|a| a.region.as_str()))
            && self.from.is_none_or(|f| date.is_some_and(|d| d >= f))
            && self.to.is_none_or(|t| date.is_some_and(|d| d <= t))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;

    #[test]
    fn filters() {
        let sutton = Document::parse("10 May 2023\n\nDear all\n\nJoint targeted area inspection of Sutton\n\nText.\n");
        let kent = Document::parse("10 May 2019\n\nDear all\n\nFocused visit to Kent children's services\n\nText.\n");
        let keeps =
            |s: &Selection| -> Vec<bool> { [&sutton, &kent].iter().map(|d| s.matches(d.kind, &d.meta)).collect() };
        assert_eq!(keeps(&Selection::default()), [true, true]);
        let mut s = Selection::default();
        s.kind("focused-visit").unwrap();
        assert_eq!(keeps(&s), [false, true]);
        let mut s = Selection::default();
        s.area("E09000029").unwrap().area("Kent").unwrap();
        assert_eq!(keeps(&s), [true, true]);
        let mut s = Selection::default();
        s.region("london").unwrap();
        assert_eq!(keeps(&s), [true, false]);
        let mut s = Selection::default();
        s.from("2020-01-01".parse().unwrap());
        assert_eq!(keeps(&s), [true, false]);
        assert!(Selection::default().area("Narnia").is_err());
        assert!(Selection::default().region("Mars").is_err());
        assert!(Selection::default().topic("weather").is_err());
    }
}
