//! The role classifier over postings we wrote: `tests/fixtures/classifier/
//! <expected-primary-role>__<slug>.txt`. Each file asserts its primary role;
//! the snapshot records the scores and the strongest evidence.

use std::path::Path;

use jdlint::document::SectionKind;
use jdlint::roles::Evidence;
use jdlint::{Linter, Report, Role};

/// The evidence of `phrase` in `report`, which must hold it.
fn evidence_of<'a>(report: &'a Report, phrase: &str, why: &str) -> &'a Evidence {
    report
        .profile
        .evidence
        .iter()
        .find(|e| &*e.phrase == phrase)
        .unwrap_or_else(|| panic!("{why}: no evidence {phrase:?}"))
}

/// The evidence from byte `start` on: there is some (`what` says why), and
/// every piece of it counts for nothing.
fn weightless_from<'a>(report: &'a Report, start: usize, what: &str) -> Vec<&'a Evidence> {
    let after: Vec<_> = report
        .profile
        .evidence
        .iter()
        .filter(|e| e.span.start >= start)
        .collect();
    assert!(!after.is_empty(), "{what}");
    for evidence in &after {
        assert_eq!(evidence.weight, 0.0, "{evidence:?}");
    }
    after
}

fn fixtures() -> Vec<(String, Role, String)> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/classifier");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let (role, _) = name.split_once("__").expect("name is <role>__<slug>");
        let role = Role::ALL
            .into_iter()
            .find(|r| r.as_str() == role)
            .unwrap_or_else(|| panic!("{name}: unknown role {role}"));
        out.push((name, role, std::fs::read_to_string(&path).unwrap()));
    }
    out.sort();
    out
}

#[test]
fn primary_role_of_every_fixture() {
    let linter = Linter::new();
    let mut wrong = Vec::new();
    for (name, expected, text) in fixtures() {
        let report = linter.lint(&text);
        if report.profile.primary_role != expected {
            wrong.push(format!("{name}: got {}", report.profile.primary_role));
        }
        let rendered = jdlint::render::profile(&format!("{name}.txt"), &text, &report.profile);
        insta::with_settings!({snapshot_suffix => name.clone(), prepend_module_to_snapshot => false}, {
            insta::assert_snapshot!("classify", rendered);
        });
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn company_boilerplate_counts_for_nothing() {
    let (_, _, text) = fixtures()
        .into_iter()
        .find(|(name, ..)| name.ends_with("llm-boilerplate"))
        .unwrap();
    let report = Linter::new().lint(&text);
    let in_boilerplate: Vec<_> = report
        .profile
        .evidence
        .iter()
        .filter(|e| e.role == Role::AiEngineer)
        .collect();
    assert!(
        !in_boilerplate.is_empty(),
        "the fixture mentions LLM work in its company text"
    );
    for evidence in in_boilerplate {
        assert!(evidence.section.is_boilerplate(), "{evidence:?}");
        assert_eq!(evidence.weight, 0.0, "{evidence:?}");
    }
}

#[test]
fn negated_evidence_is_cancelled() {
    let (_, _, text) = fixtures()
        .into_iter()
        .find(|(name, ..)| name.ends_with("negated-evidence"))
        .unwrap();
    let report = Linter::new().lint(&text);
    let negated: Vec<_> = report
        .profile
        .evidence
        .iter()
        .filter(|e| e.negated)
        .collect();
    assert!(negated.len() >= 2, "{:#?}", report.profile.evidence);
    assert!(negated.iter().all(|e| e.weight == 0.0));
    assert_eq!(report.profile.scores.ai_engineer.score, 0.0);
}

#[test]
fn explicit_title_classifies_like_a_first_line() {
    let linter = Linter::new();
    for (name, _, text) in fixtures() {
        let (title, body) = text.split_once('\n').unwrap();
        let joined = linter.lint(&text).profile;
        let apart = linter.lint_posting(title, body).profile;
        assert_eq!(joined.title_role, apart.title_role, "{name}");
        assert_eq!(joined.primary_role, apart.primary_role, "{name}");
    }
}

fn fixture(suffix: &str) -> String {
    fixtures()
        .into_iter()
        .find(|(name, ..)| name.ends_with(suffix))
        .unwrap()
        .2
}

/// Before the first heading, the sentences of a paragraph that describe the
/// employer ("Lumenfold is a leading provider of ...", "We build LLM agents
/// ...") are company text, even when the same paragraph goes on to the role:
/// their AI and ML words are not the hire's duties.
#[test]
fn company_sentences_before_the_first_heading_count_for_nothing() {
    let report = Linter::new().lint(&fixture("unheaded-ai-company-blurb"));
    let blurb: Vec<_> = report
        .profile
        .evidence
        .iter()
        .filter(|e| matches!(e.role, Role::AiEngineer | Role::MlEngineer))
        .collect();
    assert!(
        !blurb.is_empty(),
        "the fixture's company blurb names LLM and ML work"
    );
    for evidence in blurb {
        assert_eq!(evidence.section, SectionKind::Company, "{evidence:?}");
        assert_eq!(evidence.weight, 0.0, "{evidence:?}");
    }
    let causal = evidence_of(
        &report,
        "causal inference",
        "the role's sentence in the same paragraph is evidence",
    );
    assert_eq!(causal.section, SectionKind::Summary);
    assert!(causal.weight > 0.0, "{causal:?}");
}

/// The near miss: "we" that asks for the hire ("We are looking for an AI
/// Engineer who will build ...", "At Quillroute, we need you to design
/// prompts ...") is the role's summary, while "We are a fast-growing
/// logistics company, and our platform deploys models" in the same
/// paragraph is not.
#[test]
fn we_asking_for_the_hire_stays_the_role_summary() {
    let text = fixture("we-voice-role-summary");
    let report = Linter::new().lint(&text);
    for phrase in ["retrieval-augmented generation", "LLM APIs"] {
        let evidence = report
            .profile
            .evidence
            .iter()
            .find(|e| &text[e.span.start..e.span.end] == phrase)
            .unwrap_or_else(|| panic!("{phrase} is evidence"));
        assert_eq!(evidence.section, SectionKind::Summary, "{evidence:?}");
        assert!(evidence.weight > 0.0, "{evidence:?}");
    }
    assert_eq!(report.profile.scores.ml_engineer.score, 0.0);
}

/// Under a company heading ("About us:"), a paragraph that tells the hire
/// what they will build is the role's summary, and its evidence counts; one
/// that only says "you will make a difference" stays the employer's.
#[test]
fn role_prose_under_a_company_heading_counts() {
    let about = "Senior Data Scientist\n\nAbout us:\n\nNorthwind Grocers runs 300 \
        neighbourhood stores and a delivery service across four states.\n\n";
    let role = "As Senior Data Scientist, you will design the weekly demand forecasts \
        that our store planners use to order fresh produce.\n\nQualifications\n- Python and SQL\n";
    let report = Linter::new().lint(&format!("{about}{role}"));
    let forecasts = evidence_of(&report, "demand forecasts", "the duty's output is evidence");
    assert_eq!(forecasts.section, jdlint::document::SectionKind::Summary);
    assert!(forecasts.weight > 0.0, "{forecasts:?}");

    let cliche = "At Northwind you will make a difference with the demand forecasts our \
        planners use.\n\nQualifications\n- Python and SQL\n";
    let report = Linter::new().lint(&format!("{about}{cliche}"));
    for evidence in &report.profile.evidence {
        if evidence.span.start < about.len() + cliche.find("\n\n").unwrap() {
            assert!(evidence.section.is_boilerplate(), "{evidence:?}");
        }
    }
}

#[test]
fn titles_name_their_role() {
    use jdlint::TitleRole;
    let linter = Linter::new();
    let cases = [
        ("Senior Data Scientist", TitleRole::DataScientist),
        ("Senior AI Data Scientist", TitleRole::DataScientist),
        (
            "Machine Learning Engineer - Join a Scaleup!",
            TitleRole::MlEngineer,
        ),
        (
            "Senior Machine Learning Ops Engineer",
            TitleRole::MlEngineer,
        ),
        ("ML Operations Engineer (MLOps)", TitleRole::MlEngineer),
        ("Generative AI Engineer", TitleRole::AiEngineer),
        ("AI/ML Engineer", TitleRole::Ambiguous),
        ("Machine Learning Infrastructure Engineer", TitleRole::Other),
        ("Senior Python Developer", TitleRole::Other),
        // Acronyms spelled out in parentheses are read past.
        ("Machine Learning (ML) Engineer", TitleRole::MlEngineer),
        (
            "Artificial Intelligence (AI)/Machine Learning (ML) Engineer",
            TitleRole::Ambiguous,
        ),
        ("Data Scientist (Remote)", TitleRole::DataScientist),
        ("Software Engineer (ML)", TitleRole::Other),
        // A word joined to a noun shares its head: "Data & Machine Learning
        // Scientist" is a Data Scientist and a Machine Learning Scientist;
        // "Data/ML Engineer" a data engineer (no role of the three) and an
        // ML Engineer.
        (
            "Senior Data & Machine Learning Scientist",
            TitleRole::Ambiguous,
        ),
        ("Data and AI Scientist", TitleRole::Ambiguous),
        ("Data/ML Engineer", TitleRole::MlEngineer),
        ("Machine Learning Scientist", TitleRole::Other),
    ];
    for (title, expected) in cases {
        let text = format!("{title}\n\nYou will build things.\n");
        let profile = linter.lint(&text).profile;
        assert_eq!(profile.title_role, expected, "{title}");
    }
    // A trade with no word of the three roles names another job, as
    // `Software Engineer` does: its other-job prior applies.
    let profile = linter
        .lint("Senior Python Developer\n\nYou will build things.\n")
        .profile;
    assert!(profile.title.other_role.is_some());
    let profile = linter
        .lint("Senior ML Platform Developer\n\nYou will build things.\n")
        .profile;
    assert!(
        profile.title.other_role.is_none(),
        "an ML word keeps it open"
    );
}

/// The ML Engineer evidence that counted only beside its context (the
/// lifecycle verbs said of models).
fn contextual_ml_engineer_verbs(report: &Report) -> Vec<&Evidence> {
    report
        .profile
        .evidence
        .iter()
        .filter(|e| e.role == Role::MlEngineer && e.contextual)
        .collect()
}

#[test]
fn a_second_lifecycle_verb_of_a_sentence_is_a_second_stage() {
    let text = "Machine Learning Engineer\n\nWhat you will do\n\
                - Train our fraud models each week and deploy them behind the payments API.\n";
    let report = Linter::new().lint(text);
    let verbs = contextual_ml_engineer_verbs(&report);
    let phrases: Vec<&str> = verbs.iter().map(|e| &*e.phrase).collect();
    assert_eq!(phrases, ["train", "deploy"], "{verbs:#?}");
    // The first verb is the duty; the second, of another stage, counts
    // toward the score (damped as a second item of its sentence) but is no
    // duty of its own when the role's presence is counted.
    assert!(!verbs[0].loose && verbs[0].weight == 1.5, "{:?}", verbs[0]);
    assert!(verbs[1].loose && verbs[1].weight > 0.0, "{:?}", verbs[1]);
    assert_eq!(
        report.profile.substantial_evidence(Role::MlEngineer).len(),
        1,
        "{verbs:#?}"
    );

    // Two forms of one verb are still one duty: the second counts for nothing.
    let text = "Machine Learning Engineer\n\nWhat you will do\n\
                - Deploy our fraud models and keep deploying them behind the payments API.\n";
    let report = Linter::new().lint(text);
    let verbs = contextual_ml_engineer_verbs(&report);
    assert_eq!(verbs.len(), 1, "{verbs:#?}");
}

/// Speed and size said of models ("scalable ML models", "low latency
/// models", "the throughput of our ranking models") are an
/// ML Engineer's hints; said of anything else (or of inference alone: "reduce
/// latency and inference cost" of an LLM feature is the AI Engineer's) ("a scalable data warehouse",
/// "a low latency checkout API") they count for no role.
#[test]
fn speed_and_size_of_models_lean_ml_engineer() {
    let linter = Linter::new();
    let text = "Machine Learning Engineer\n\nWhat you will do\n\
                - Optimize our ranking models for scalability and low latency.\n\
                - Raise the throughput of the models behind the search service.\n";
    let report = linter.lint(text);
    let hints: Vec<&str> = report
        .profile
        .evidence
        .iter()
        .filter(|e| e.role == Role::MlEngineer && e.weight > 0.0)
        .map(|e| &*e.phrase)
        .collect();
    assert_eq!(hints, ["scalability", "throughput"], "{report:#?}");
    // A hint, not a duty: the role is not present on these alone.
    assert!(
        report
            .profile
            .substantial_evidence(Role::MlEngineer)
            .is_empty()
    );

    let text = "Software Engineer\n\nWhat you will do\n\
                - Build a scalable data warehouse and a low latency checkout API.\n\
                - Improve the throughput of our order service.\n";
    let report = linter.lint(text);
    assert_eq!(report.profile.scores.ml_engineer.score, 0.0, "{report:#?}");
}

/// A scraped posting that ends in the job board's own text (alerts, a list
/// of similar jobs): from "Referrals increase your chances ..." on, nothing
/// is role evidence, even in a run-together posting of one line.
#[test]
fn job_board_text_after_the_posting_counts_for_nothing() {
    let posting = "Data Scientist\n\nWhat you will do\n\
                   - Design experiments and run causal inference on pricing changes.\n\n";
    let board = "Referrals increase your chances of interviewing at Tidewell by 2x\n\n\
                 Get notified about new Data Scientist jobs in Leeds.\n\n\
                 Senior AI Engineer, RAG and Agents\n\n\
                 Staff Machine Learning Engineer, Model Serving and MLOps\n";
    let linter = Linter::new();
    for text in [
        format!("{posting}{board}"),
        format!("{posting}{board}").replace('\n', " "),
    ] {
        let report = linter.lint(&text);
        let start = text.find("Referrals").unwrap();
        for evidence in weightless_from(&report, start, "the board lists AI and ML jobs") {
            assert_eq!(evidence.section, SectionKind::Legal, "{evidence:?}");
        }
        let causal = evidence_of(
            &report,
            "causal inference",
            "the posting's own duty is evidence",
        );
        assert!(causal.weight > 0.0, "{causal:?}");
        assert_eq!(report.profile.primary_role, Role::DataScientist);
    }
}

/// How to apply tells the candidate what to send ("your GitHub and research
/// publications"), not what the job asks: no role evidence.
#[test]
fn how_to_apply_counts_for_nothing() {
    let text = "Machine Learning Engineer\n\nWhat you will do\n\
                - Deploy our fraud models and monitor them in production.\n\n\
                How To Apply\n\n\
                Send your resume with links to your GitHub, research publications or dashboards.\n";
    let report = Linter::new().lint(text);
    let start = text.find("How To Apply").unwrap();
    weightless_from(&report, start, "the instructions name other jobs' words");
}

/// Code reviews are every engineer's practice: ML Engineer postings ask for
/// them as often as software postings do, so they are no other job's hint.
#[test]
fn code_reviews_are_no_other_jobs_evidence() {
    let text = "Machine Learning Engineer\n\nWhat you will do\n\
                - Deploy our churn models and monitor them in production.\n\
                - Take part in code reviews and keep our training code tidy.\n";
    let report = Linter::new().lint(text);
    assert_eq!(report.profile.scores.other.score, 0.0, "{report:#?}");
    assert_eq!(report.profile.primary_role, Role::MlEngineer);
}

/// A building verb whose objects are the generative models themselves,
/// listed with other verbs of their making ("develop, test, and optimize
/// generative AI models, LLMs and ..."), builds the models: no AI Engineer
/// work. The same verb building a product on them is.
#[test]
fn developing_generative_models_is_not_ai_engineer_work() {
    let linter = Linter::new();
    let ai_engineer_weight = |text: &str| -> f32 {
        linter
            .lint(text)
            .profile
            .evidence
            .iter()
            .filter(|e| e.role == Role::AiEngineer && &*e.phrase == "develop")
            .map(|e| e.weight)
            .sum()
    };
    let models = "Machine Learning Engineer\n\nWhat you will do\n\
                  - Develop, test, and optimize generative AI models, LLMs, and other ML models.\n";
    assert_eq!(ai_engineer_weight(models), 0.0);
    let product = "Machine Learning Engineer\n\nWhat you will do\n\
                   - Develop generative AI applications for our customer support team.\n";
    assert!(ai_engineer_weight(product) > 0.0);
}
