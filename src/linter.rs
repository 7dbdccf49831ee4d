//! The linter: packs compiled once, rules run over each posting.

use std::sync::{Arc, LazyLock};

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Origin, Report, Severity, UnusedSuppression};
use crate::document::{Document, LineIndex};
use crate::error::{Error, Result, closest};
use crate::facts::{self, Date, DateSource, PostingDate, TechnologyTable};
use crate::lexicon::{Hit, Lexicon, Pack};
use crate::roles;
use crate::rules::{self, Category, LintContext, Rule, RuleMeta, Thresholds, TitleSource};
use crate::source::{Directive, DirectiveKind, Format, Source};
use crate::span::Span;

/// Lints postings. Build it once; [`lint`](Linter::lint) takes `&self`, and a
/// `Linter` is `Send + Sync` and cheap to clone, so many threads can share one.
///
/// ```
/// let linter = jdlint::Linter::new();
/// let report = linter.lint("AI/ML Engineer\n\nYou will train ranking models and deploy them to production.");
/// let diagnostic = &report.diagnostics[0];
/// assert_eq!(diagnostic.rule, "ambiguous-role-title");
/// assert_eq!(diagnostic.start.line, 1);
/// ```
#[derive(Clone)]
pub struct Linter {
    inner: Arc<Inner>,
}

struct Inner {
    lexicon: Lexicon,
    rules: Vec<Box<dyn Rule>>,
    /// The configured severity of each rule, by index in `rules`.
    severities: Vec<Severity>,
    /// Whether the configuration names each rule (then rules cannot escalate).
    configured: Vec<bool>,
    technologies: TechnologyTable,
    thresholds: Thresholds,
    /// The configured posting date, which wins over the posting's own.
    posting_date: Option<Date>,
}

/// One posting and what is known of it besides its text: the input of
/// [`Linter::check`].
///
/// ```
/// use jdlint::{Linter, Posting, facts::Date, source::Format};
/// let posting = Posting::new("<p>5+ years of LangChain experience.</p>")
///     .title("AI Engineer")
///     .format(Format::Html)
///     .date(Date::new(2024, 6, 1).unwrap());
/// let report = Linter::new().check(&posting);
/// assert_eq!(report.by_rule("experience-exceeds-technology-age").count(), 1);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Posting<'a> {
    /// The posting's text (its title on the first line unless `title` is set).
    pub text: &'a str,
    /// The title, when it is given apart from the text.
    pub title: Option<&'a str>,
    /// How the text is written.
    pub format: Format,
    /// The date it was posted, when its metadata says (a feed's
    /// `date_posted`). A configured date wins over it; it wins over a date
    /// the text states.
    pub date: Option<Date>,
}

impl<'a> Posting<'a> {
    /// A plain-text posting.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        Posting {
            text,
            ..Posting::default()
        }
    }

    /// Gives the title apart from the text.
    #[must_use]
    pub fn title(mut self, title: &'a str) -> Self {
        self.title = Some(title);
        self
    }

    /// Sets how the text is written.
    #[must_use]
    pub fn format(mut self, format: Format) -> Self {
        self.format = format;
        self
    }

    /// Sets the date it was posted.
    #[must_use]
    pub fn date(mut self, date: Date) -> Self {
        self.date = Some(date);
        self
    }
}

impl std::fmt::Debug for Linter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Linter")
            .field(
                "packs",
                &self.inner.lexicon.pack_names().collect::<Vec<_>>(),
            )
            .field("phrases", &self.inner.lexicon.phrase_count())
            .field(
                "rules",
                &self
                    .inner
                    .rules
                    .iter()
                    .map(|r| r.meta().id)
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

static DEFAULT: LazyLock<Linter> = LazyLock::new(|| {
    Linter::builder()
        .build()
        .expect("the built-in lint packs are valid (tested in lexicon::tests)")
});

impl Default for Linter {
    fn default() -> Self {
        Self::new()
    }
}

impl Linter {
    /// The default linter: built-in packs and rules at their default
    /// severities. It is built once per process and shared.
    #[must_use]
    pub fn new() -> Self {
        DEFAULT.clone()
    }

    /// A builder for packs, custom rules and configuration.
    pub fn builder() -> LinterBuilder {
        LinterBuilder::default()
    }

    /// Lints a posting whose first line is its title (when it looks like one).
    #[must_use]
    pub fn lint(&self, text: &str) -> Report {
        self.check(&Posting::new(text))
    }

    /// Lints a posting with everything known about it: title, format, date.
    /// The other `lint` methods are shorthands for this one.
    #[must_use]
    pub fn check(&self, posting: &Posting<'_>) -> Report {
        self.run_source(posting.text, posting.format, posting.title, posting.date)
    }

    /// Lints a posting body with an explicit title. Diagnostics about the
    /// title carry [`Origin::Title`] and spans into `title`.
    ///
    /// ```
    /// let report = jdlint::Linter::new().lint_posting("AI/ML Engineer", "Build RAG pipelines.");
    /// assert_eq!(report.diagnostics[0].origin, jdlint::Origin::Title);
    /// assert_eq!(report.diagnostics[0].span, jdlint::Span::new(0, 14));
    /// ```
    #[must_use]
    pub fn lint_posting(&self, title: &str, body: &str) -> Report {
        self.check(&Posting::new(body).title(title))
    }

    /// Lints `input` written in `format`. Markdown and HTML are turned into
    /// plain text first (headings and list items feed the section model);
    /// every span, line and column of the report points into `input`, and
    /// `<!-- jdlint-disable RULE -->`, `<!-- jdlint-enable RULE -->` and
    /// `<!-- jdlint-disable-next-line RULE -->` comments suppress findings.
    ///
    /// ```
    /// use jdlint::source::Format;
    /// let html = "<h1>AI/ML Engineer</h1><ul><li>Train models &amp; deploy them</li></ul>";
    /// let report = jdlint::Linter::new().lint_source(html, Format::Html);
    /// let d = report.by_rule("ambiguous-role-title").next().unwrap();
    /// assert_eq!(&html[d.span.start..d.span.end], "AI/ML Engineer");
    ///
    /// let quiet = "<!-- jdlint-disable ambiguous-role-title -->\n# AI/ML Engineer\n\nTrain models.";
    /// let report = jdlint::Linter::new().lint_source(quiet, Format::Markdown);
    /// assert_eq!(report.by_rule("ambiguous-role-title").count(), 0);
    /// ```
    #[must_use]
    pub fn lint_source(&self, input: &str, format: Format) -> Report {
        self.check(&Posting::new(input).format(format))
    }

    /// [`lint_source`](Linter::lint_source) with an explicit title.
    #[must_use]
    pub fn lint_posting_source(&self, title: &str, body: &str, format: Format) -> Report {
        self.check(&Posting::new(body).title(title).format(format))
    }

    fn run_source(
        &self,
        input: &str,
        format: Format,
        title: Option<&str>,
        date: Option<Date>,
    ) -> Report {
        if format == Format::Text {
            return self.run(input, title, date);
        }
        let source = Source::new(input, format);
        let mut report = self.run(source.text(), title, date);
        {
            let lines = LineIndex::new(input);
            for diagnostic in &mut report.diagnostics {
                if diagnostic.origin != Origin::Text {
                    continue;
                }
                diagnostic.span = source.to_original(diagnostic.span);
                for label in &mut diagnostic.labels {
                    label.span = source.to_original(label.span);
                }
                if let Some(suggestion) = &mut diagnostic.suggestion {
                    for edit in &mut suggestion.edits {
                        edit.span = source.to_original(edit.span);
                    }
                }
                diagnostic.start = lines.line_col(input, diagnostic.span.start);
                diagnostic.end = lines.line_col(input, diagnostic.span.end);
            }
            for evidence in &mut report.profile.evidence {
                evidence.span = source.to_original(evidence.span);
            }
            sort_diagnostics(&mut report.diagnostics);
        }
        suppress(&mut report, source.directives());
        report
    }

    /// The compiled phrases.
    #[must_use]
    pub fn lexicon(&self) -> &Lexicon {
        &self.inner.lexicon
    }

    /// Every rule with its configured severity.
    pub fn rules(&self) -> impl Iterator<Item = (&RuleMeta, Severity)> {
        self.inner
            .rules
            .iter()
            .zip(&self.inner.severities)
            .map(|(rule, &severity)| (rule.meta(), severity))
    }

    /// A rule's description by id.
    #[must_use]
    pub fn rule(&self, id: &str) -> Option<&RuleMeta> {
        self.inner
            .rules
            .iter()
            .map(|r| r.meta())
            .find(|m| m.id == id)
    }

    /// The technology table the accuracy rules use.
    #[must_use]
    pub fn technologies(&self) -> &TechnologyTable {
        &self.inner.technologies
    }

    /// The limits the rules use.
    #[must_use]
    pub fn thresholds(&self) -> &Thresholds {
        &self.inner.thresholds
    }

    fn run(&self, text: &str, explicit_title: Option<&str>, date: Option<Date>) -> Report {
        let lexicon = &self.inner.lexicon;
        let document = match explicit_title {
            Some(_) => Document::parse_body(text, lexicon),
            None => Document::parse(text, lexicon),
        };
        let (title, title_hits): (TitleSource<'_>, Vec<Hit>) =
            match (explicit_title, document.title()) {
                (Some(title), _) => (TitleSource::Explicit(title), lexicon.find(title)),
                (None, Some(span)) => {
                    // The hits come by start: those of the title line are
                    // found by search, not by a walk of the whole document.
                    let all = document.hits();
                    let first = all.partition_point(|hit| hit.span.start < span.start);
                    let hits = all[first..]
                        .iter()
                        .take_while(|hit| hit.span.start <= span.end)
                        .filter(|hit| span.contains(hit.span))
                        .map(|hit| Hit {
                            span: Span::new(hit.span.start - span.start, hit.span.end - span.start),
                            entry: hit.entry,
                        })
                        .collect();
                    (TitleSource::Line(span), hits)
                }
                (None, None) => (TitleSource::None, Vec::new()),
            };
        let title_text = match title {
            TitleSource::Line(span) => document.slice(span),
            TitleSource::Explicit(title) => title,
            TitleSource::None => "",
        };
        // "Machine Learning (ML) Engineer" names its role as "Machine
        // Learning Engineer" does.
        let title_hits = roles::title_hits_past_acronyms(title_text, lexicon).unwrap_or(title_hits);
        let title_analysis = roles::analyse_title(title_text, &title_hits, lexicon);
        let index = roles::HitIndex::new(&document, lexicon);
        let profile = roles::build_profile(&document, lexicon, &index, title_analysis);
        let posting_date = match (self.inner.posting_date, date) {
            (Some(date), _) => PostingDate {
                date,
                source: DateSource::Configured,
            },
            (None, Some(date)) => PostingDate {
                date,
                source: DateSource::Posting,
            },
            (None, None) => match facts::stated_date(&document, lexicon) {
                Some(date) => PostingDate {
                    date,
                    source: DateSource::Posting,
                },
                None => PostingDate {
                    date: Date::today(),
                    source: DateSource::Today,
                },
            },
        };
        let years = facts::experience::years_asked(&document, lexicon);
        let presence = roles::Presence::new(&profile);

        let ctx = LintContext {
            document: &document,
            lexicon,
            profile: &profile,
            title,
            title_hits: &title_hits,
            posting_date,
            technologies: &self.inner.technologies,
            thresholds: &self.inner.thresholds,
            years: &years,
            index: &index,
            presence: &presence,
        };
        let title_lines = explicit_title.map(LineIndex::new);
        let mut diagnostics = Vec::new();
        let mut found = Vec::new();
        for ((rule, &severity), &configured) in self
            .inner
            .rules
            .iter()
            .zip(&self.inner.severities)
            .zip(&self.inner.configured)
        {
            if severity == Severity::Allow {
                continue;
            }
            rule.check(&ctx, &mut found);
            for mut diagnostic in found.drain(..) {
                diagnostic.rule = rule.meta().id.to_owned();
                diagnostic.severity = if diagnostic.escalate && !configured {
                    severity.raised()
                } else {
                    severity
                };
                diagnostic.escalate = false;
                let (source, lines) = match (diagnostic.origin, explicit_title, &title_lines) {
                    (Origin::Title, Some(title), Some(lines)) => (title, lines),
                    _ => {
                        diagnostic.origin = Origin::Text;
                        (text, document.lines())
                    }
                };
                diagnostic.span = clamp(source, diagnostic.span);
                for label in &mut diagnostic.labels {
                    label.span = clamp(source, label.span);
                }
                diagnostic.start = lines.line_col(source, diagnostic.span.start);
                diagnostic.end = lines.line_col(source, diagnostic.span.end);
                diagnostics.push(diagnostic);
            }
        }
        sort_diagnostics(&mut diagnostics);
        Report {
            title: (!title_text.is_empty()).then(|| title_text.to_owned()),
            diagnostics,
            profile,
            unused_suppressions: Vec::new(),
        }
    }
}

/// Title findings first, then by position, then by rule.
fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.origin != Origin::Title, a.span.start, a.span.end, &a.rule).cmp(&(
            b.origin != Origin::Title,
            b.span.start,
            b.span.end,
            &b.rule,
        ))
    });
}

/// Drops the findings that suppression comments cover, and records the
/// comments that covered nothing.
fn suppress(report: &mut Report, directives: &[Directive]) {
    if directives.is_empty() {
        return;
    }
    let names = |d: &Directive, rule: &str| d.rules.is_empty() || d.rules.iter().any(|r| r == rule);
    let mut used = vec![false; directives.len()];
    report.diagnostics.retain(|diagnostic| {
        if diagnostic.origin != Origin::Text {
            return true;
        }
        let line = diagnostic.start.line;
        let rule = diagnostic.rule.as_str();
        // The last disable/enable before the line decides; a next-line
        // comment on the line before also suppresses.
        let mut covering = None;
        for (i, d) in directives.iter().enumerate() {
            if d.line > line || !names(d, rule) {
                continue;
            }
            match d.kind {
                DirectiveKind::Disable => covering = Some(i),
                DirectiveKind::Enable => covering = None,
                DirectiveKind::DisableNextLine if d.line + 1 == line => {
                    used[i] = true;
                    return false;
                }
                DirectiveKind::DisableNextLine => {}
            }
        }
        match covering {
            Some(i) => {
                used[i] = true;
                false
            }
            None => true,
        }
    });
    report.unused_suppressions = directives
        .iter()
        .zip(used)
        .filter(|(d, used)| !used && d.kind != DirectiveKind::Enable)
        .map(|(d, _)| UnusedSuppression {
            span: d.span,
            line: d.line,
            rules: d.rules.clone(),
        })
        .collect();
}

/// Keeps a rule's span inside the text and on char boundaries, so a buggy
/// custom rule cannot hand out a span that does not round-trip.
fn clamp(text: &str, span: Span) -> Span {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = floor(span.start);
    let end = floor(span.end).max(start);
    Span::new(start, end)
}

/// Builds a [`Linter`] with extra packs, custom rules and configuration.
///
/// ```
/// use jdlint::{Config, Linter, Severity};
/// let linter = Linter::builder()
///     .pack_from_str("perks.toml", r#"
/// [pack]
/// name = "perks"
/// [[group]]
/// kind = "hollow-perk"
/// phrases = ["ping pong"]
/// "#)
///     .unwrap()
///     .config(Config::new().with_rule("ambiguous-role-title", Severity::Error))
///     .build()
///     .unwrap();
/// assert!(linter.lexicon().pack_names().any(|name| name == "perks"));
/// ```
#[derive(Default)]
#[must_use]
pub struct LinterBuilder {
    packs: Vec<Pack>,
    rules: Vec<Box<dyn Rule>>,
    without_builtin_rules: bool,
    config: Config,
    technologies: Option<TechnologyTable>,
}

impl std::fmt::Debug for LinterBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LinterBuilder")
            .field(
                "packs",
                &self.packs.iter().map(|p| &p.name).collect::<Vec<_>>(),
            )
            .field(
                "rules",
                &self.rules.iter().map(|r| r.meta().id).collect::<Vec<_>>(),
            )
            .field("without_builtin_rules", &self.without_builtin_rules)
            .field("config", &self.config)
            .finish()
    }
}

impl LinterBuilder {
    /// Adds a parsed pack.
    pub fn pack(mut self, pack: Pack) -> Self {
        self.packs.push(pack);
        self
    }

    /// Parses and adds a pack. `origin` names it in errors (a file name).
    pub fn pack_from_str(self, origin: &str, toml: &str) -> Result<Self> {
        Ok(self.pack(Pack::from_toml(origin, toml)?))
    }

    /// Adds a custom rule.
    pub fn rule(mut self, rule: impl Rule + 'static) -> Self {
        self.rules.push(Box::new(rule));
        self
    }

    /// Leaves out the built-in rules (the built-in packs stay: the document
    /// and role models need them). For testing one custom rule alone.
    pub fn without_builtin_rules(mut self) -> Self {
        self.without_builtin_rules = true;
        self
    }

    /// Replaces the technology table (`lints/technologies.toml`); extend
    /// [`TechnologyTable::builtin`] to add to it. Building then takes longer
    /// (the built-in table's phrases are compiled ahead of time, another
    /// table's at [`build`](LinterBuilder::build), with the built-in packs).
    pub fn technologies(mut self, table: TechnologyTable) -> Self {
        self.technologies = Some(table);
        self
    }

    /// Sets the configuration.
    pub fn config(mut self, config: Config) -> Self {
        self.config = config;
        self
    }

    /// Compiles the packs and checks the rules and configuration.
    ///
    /// Fails when a pack is invalid or one of its own cases fails, when two
    /// rules share an id or an id is not kebab-case, and when the
    /// configuration names a rule that does not exist.
    pub fn build(self) -> Result<Linter> {
        let mut rules = if self.without_builtin_rules {
            Vec::new()
        } else {
            rules::builtin()
        };
        rules.extend(self.rules);
        for (i, rule) in rules.iter().enumerate() {
            let id = rule.meta().id;
            if !rules::is_kebab_case(id) {
                return Err(Error::InvalidRuleId(id.to_owned()));
            }
            if rules[..i].iter().any(|other| other.meta().id == id) {
                return Err(Error::DuplicateRule(id.to_owned()));
            }
        }
        for name in self.config.rules.keys() {
            if !rules.iter().any(|rule| rule.meta().id == name) {
                return Err(Error::UnknownRule {
                    name: name.clone(),
                    suggestion: closest(name, rules.iter().map(|r| r.meta().id)),
                });
            }
        }
        for name in self.config.categories.keys() {
            if !Category::ALL.iter().any(|c| c.as_str() == name) {
                return Err(Error::Config(format!(
                    "unknown category `{name}`{}",
                    closest(name, Category::ALL.iter().map(|c| c.as_str()))
                        .map(|c| format!(": did you mean `{c}`?"))
                        .unwrap_or_default()
                )));
            }
        }
        let severities = rules
            .iter()
            .map(|rule| {
                let meta = rule.meta();
                self.config
                    .rules
                    .get(meta.id)
                    .or_else(|| self.config.categories.get(meta.category.as_str()))
                    .copied()
                    .unwrap_or(meta.default_severity)
            })
            .collect();
        let configured = rules
            .iter()
            .map(|rule| {
                let meta = rule.meta();
                self.config.rules.contains_key(meta.id)
                    || self.config.categories.contains_key(meta.category.as_str())
            })
            .collect();
        let mut thresholds = Thresholds::builtin();
        thresholds.apply(&self.config.thresholds)?;
        let user_packs = self.packs;
        // With the built-in technology table, the built-in packs and the
        // table come compiled ahead of time (see `lexicon::compile`).
        let lexicon =
            Lexicon::with_builtin(self.technologies.as_ref(), user_packs.iter().cloned())?;
        let technologies = self.technologies.unwrap_or_else(TechnologyTable::builtin);
        for pack in &user_packs {
            lexicon.check_cases(pack)?;
        }
        Ok(Linter {
            inner: Arc::new(Inner {
                lexicon,
                rules,
                severities,
                configured,
                technologies,
                thresholds,
                posting_date: self.config.posting_date,
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linter_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Linter>();
    }

    #[test]
    fn unknown_rule_in_config_suggests_the_closest() {
        let err = Linter::builder()
            .config(Config::new().with_rule("ambigous-role-title", Severity::Error))
            .build()
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown rule `ambigous-role-title`: did you mean `ambiguous-role-title`?"
        );
    }

    #[test]
    fn allow_silences_a_rule() {
        let text = "AI/ML Engineer\n\nTrain models.";
        assert!(
            Linter::new()
                .lint(text)
                .by_rule("ambiguous-role-title")
                .next()
                .is_some()
        );
        let linter = Linter::builder()
            .config(Config::new().with_rule("ambiguous-role-title", Severity::Allow))
            .build()
            .unwrap();
        assert!(
            linter
                .lint(text)
                .by_rule("ambiguous-role-title")
                .next()
                .is_none()
        );
    }

    #[test]
    fn escalation_raises_the_default_but_not_a_configured_level() {
        let text = "Data Scientist\n\nWhat you'll do\n- Design A/B experiments and causal inference studies\n\
- Deploy models to production and monitor model drift\n- Build RAG pipelines and prompt engineering evals\n";
        let default = Linter::new().lint(text);
        let mixed: Vec<_> = default.by_rule("mixed-role-responsibilities").collect();
        assert_eq!(mixed.len(), 1, "{:#?}", default.profile.evidence);
        assert_eq!(
            mixed[0].severity,
            Severity::Error,
            "an even three-way split escalates"
        );
        let configured = Linter::builder()
            .config(Config::new().with_rule("mixed-role-responsibilities", Severity::Warning))
            .build()
            .unwrap()
            .lint(text);
        let mixed: Vec<_> = configured.by_rule("mixed-role-responsibilities").collect();
        assert_eq!(mixed[0].severity, Severity::Warning);
    }

    #[test]
    fn clamp_keeps_spans_on_char_boundaries() {
        let text = "é🚀";
        assert_eq!(clamp(text, Span::new(1, 3)), Span::new(0, 2));
        assert_eq!(clamp(text, Span::new(5, 99)), Span::new(2, 6));
    }

    /// A linter with the built-in packs and the pack `toml`.
    fn with_pack(toml: &str) -> Result<Linter> {
        Linter::builder().pack_from_str("p.toml", toml)?.build()
    }

    #[test]
    fn a_pack_joining_a_builtin_one_is_checked_against_its_phrases() {
        // The built-in packs come precomputed; a pack of the same name still
        // sees their phrases and contexts.
        let pack = "[pack]\nname = \"sections\"\n[[group]]\nkind = \"heading\"\nphrases = [\"About the Role\"]\n";
        let err = with_pack(pack).unwrap_err().to_string();
        let builtin = crate::lexicon::BUILTIN_PACKS[0].1;
        let line = builtin[..builtin.find("\"about the role\"").unwrap()]
            .rfind("[[group]]")
            .map(|at| crate::lexicon::line_of(builtin, at))
            .unwrap();
        assert!(err.contains(&format!("group at line {line}")), "{err}");
        let pack = "[pack]\nname = \"sections\"\n[[group]]\nkind = \"heading\"\nphrases = [\"About the zorblax\"]\n";
        let linter = with_pack(pack).unwrap();
        let hits = linter.lexicon().find("About the zorblax");
        assert_eq!(linter.lexicon().entry(hits[0].entry).pack, "sections");
    }

    #[test]
    fn a_pack_joining_a_builtin_one_shares_its_contexts() {
        // Same context phrases as a built-in `duties` group (in another
        // order and case): matched once, owned by the built-in group.
        let pack = "[pack]\nname = \"duties\"\n[[group]]\nkind = \"x\"\ncontext = [\"Claude\", \"gpt\", \"openai\", \"anthropic\", \"llm(s)\", \"prompt(s)\"]\nphrases = [\"wrangle the zorblax\"]\n";
        let linter = with_pack(pack).unwrap();
        let lexicon = linter.lexicon();
        let hits = lexicon.find("wrangle the zorblax");
        let group = lexicon.entry(hits[0].entry).group_id;
        let key = lexicon.context_key(group).unwrap();
        assert_ne!(key, group);
        assert_eq!(lexicon.entry(hits[0].entry).pack, "duties");
        assert!(lexicon.group(key).has_tag("llm-integration"));
    }

    #[test]
    fn an_explicit_technology_table_builds_the_same_linter() {
        // The default build starts from the precomputed built-in state; with
        // a table given, everything is compiled at build time.
        let text = "AI Engineer\n\nRequirements\n- 5+ years of LangChain and PyTorch\n- Build RAG pipelines with vector databases\n";
        let default = Linter::builder().build().unwrap();
        let explicit = Linter::builder()
            .technologies(TechnologyTable::builtin())
            .build()
            .unwrap();
        let (a, b) = (default.lexicon(), explicit.lexicon());
        assert_eq!(a.phrase_count(), b.phrase_count());
        assert_eq!(a.find(text), b.find(text));
        assert_eq!(
            format!("{:?}", default.lint(text)),
            format!("{:?}", explicit.lint(text))
        );
    }

    #[test]
    fn failing_pack_case_is_an_error() {
        let pack = "[pack]\nname = \"p\"\n[[group]]\nkind = \"k\"\nphrases = [\"alpha\"]\n[[case]]\ntext = \"beta\"\nhits = [\"alpha\"]\n";
        let err = with_pack(pack).unwrap_err();
        assert!(matches!(err, Error::PackCase { case: 1, .. }), "{err}");
    }
}
