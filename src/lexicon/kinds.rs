//! The group kinds the linter's own code reads, resolved to their ids once,
//! when a lexicon is built.
//!
//! The document layer, the role profile, the facts and the built-in rules
//! read the hits of some 60 kinds, about 70 times per posting. Each read
//! looked the kind's name up in the lexicon's map (a hash of the name and a
//! string compare: about 100 instructions); now it reads a field of
//! [`Kinds`] (`lexicon.kinds().heading`). A kind no loaded pack defines is
//! `None`, which [`Document::hits_of_kind`](crate::document::Document::hits_of_kind)
//! reads as no hits.

use super::{CONTEXT_KIND, KindId};
use crate::facts::DATE_CUE_KIND;
use crate::facts::experience::YEARS_KIND;
use crate::facts::pay::{CURRENCY_KIND, PAY_KIND};
use crate::facts::technology::TECHNOLOGY_KIND;
use crate::roles::{COMPETENCY_KIND, EVIDENCE_KINDS};

/// The id of each group kind the built-in code reads (see the
/// [module](self)), named after the kind: `output_lead` is `output-lead`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Kinds {
    // The document's structure.
    /// Section headings.
    pub heading: Option<KindId>,
    /// Phrases that mark a block as boilerplate wherever it is.
    pub boilerplate: Option<KindId>,
    /// The job board's own text around a scraped posting (sidebar, job
    /// alerts, similar jobs): from its first phrase on, nothing is the
    /// posting's.
    pub job_board: Option<KindId>,
    /// Phrases that speak of the job or to the candidate.
    pub job_cue: Option<KindId>,
    /// Phrases that tell the hire what they will do ("you will", "you'll"):
    /// job cues, and what makes a paragraph under a company heading about
    /// the role.
    pub hire_address: Option<KindId>,
    /// Phrases that speak of the employer (mission, customers, history,
    /// funding).
    pub company_cue: Option<KindId>,

    // The title (`lints/titles.toml`).
    /// Role nouns: "Data Scientist", "ML Engineer".
    pub title_role: Option<KindId>,
    /// Role nouns that name their role only when joined to another role
    /// word.
    pub title_role_joined: Option<KindId>,
    /// Role words joined to a noun ("AI" in "AI/ML Engineer").
    pub title_modifier: Option<KindId>,
    /// Nouns that name no role ("Ninja", "Guru").
    pub title_vague: Option<KindId>,
    /// Generic nouns ("Specialist", "Expert"): after an AI, ML or data
    /// modifier they still name no role.
    pub title_generic: Option<KindId>,
    /// Nouns of another role or of a trade ("Data Engineer", "Developer").
    pub title_other_noun: Option<KindId>,

    // The role profile and its hit index.
    /// The hidden groups that hold other groups' `context` phrases.
    pub context: Option<KindId>,
    /// Negation cues (`lints/cues.toml`).
    pub negation: Option<KindId>,
    /// Delegation cues: the sentence hands the group's role's work to
    /// someone else.
    pub delegation: Option<KindId>,
    /// Inline marks that a requirement is only preferred ("is a plus"),
    /// from `lints/requirements.toml`.
    pub preferred_cue: Option<KindId>,
    /// The disciplines any of the three roles is asked for
    /// (`lints/requirements.toml`): "machine learning", "NLP", "computer
    /// vision", "mathematics".
    pub neutral_discipline: Option<KindId>,
    /// Cues of research on generative models (`lints/cues.toml`): GANs,
    /// diffusion models, "research and development".
    pub model_research: Option<KindId>,
    /// Cues of the architectures of models that are built or pretrained
    /// (`lints/cues.toml`): "LLM architectures", "pretraining".
    pub model_architecture: Option<KindId>,
    /// Cues of the hire using AI assistants as a user (`lints/cues.toml`):
    /// "AI tools to boost productivity", "AI coding assistants".
    pub ai_tool_use: Option<KindId>,
    /// The kinds of role evidence (duties, competencies, tools, ...), those
    /// the packs define.
    pub evidence: Vec<KindId>,
    pub competency: Option<KindId>,

    // Facts.
    pub currency: Option<KindId>,
    pub pay: Option<KindId>,
    pub years: Option<KindId>,
    pub date_cue: Option<KindId>,
    pub technology: Option<KindId>,

    // Rules.
    /// Words that make a list of tools a choice of one ("such as", "one of").
    pub alternatives_marker: Option<KindId>,
    /// Soft traits a requirements bullet may name (`lints/requirements.toml`).
    pub trait_: Option<KindId>,
    /// Duty verbs that open a bullet.
    pub duty_verb: Option<KindId>,
    pub scope: Option<KindId>,
    pub masculine_coded: Option<KindId>,
    pub feminine_coded: Option<KindId>,
    /// Nouns that make a coded adjective describe a company, a thing or pay.
    pub neutral_head: Option<KindId>,
    pub hype_title: Option<KindId>,
    pub exclusive_culture: Option<KindId>,
    pub age_coded: Option<KindId>,
    pub pressure: Option<KindId>,
    pub pressure_cliche: Option<KindId>,
    pub hollow_perk: Option<KindId>,
    pub real_benefit: Option<KindId>,
    pub out_of_role: Option<KindId>,
    /// Phrases that put an LLM to work on an analysis ("extract sentiment
    /// from reviews with an LLM").
    pub analysis_use: Option<KindId>,
    pub lifecycle_start: Option<KindId>,
    pub lifecycle_close: Option<KindId>,
    pub seniority_junior: Option<KindId>,
    pub seniority_senior: Option<KindId>,
    pub pay_vague: Option<KindId>,
    /// Teaching people ("training courses", `lints/cues.toml`).
    pub people_training: Option<KindId>,
    /// Statistics or metrics applied to the hire's own models ("for our
    /// models", "model performance", `lints/cues.toml`).
    pub model_improvement: Option<KindId>,
    /// Techniques of machine learning ("deep learning", `lints/cues.toml`).
    pub ml_technique: Option<KindId>,
    /// The steps of building and of running a model (`lints/cues.toml`).
    pub modelling_step: Option<KindId>,
    pub production_step: Option<KindId>,

    // missing-primary-output (`lints/outputs.toml`, `lints/cues.toml`).
    /// Ownership cues.
    pub ownership: Option<KindId>,
    /// The verbs that build, run or improve a thing (also the duty verbs
    /// of the document's company paragraphs).
    pub output_build: Option<KindId>,
    /// "into": a built thing after it is the result the work is turned into.
    pub output_into: Option<KindId>,
    /// Nouns that name no thing of their own ("solutions", "projects").
    pub output_vague_head: Option<KindId>,
    /// Verbs that start a duty line.
    pub output_lead: Option<KindId>,
    /// "you will", "this role": the line speaks of the hire's work.
    pub output_hire: Option<KindId>,
    /// A line that starts like a requirement ("Experience with ...").
    pub output_skill_lead: Option<KindId>,
    /// An introductory phrase ended by a comma before the duty verb ("In
    /// close collaboration with the CTO, define ...").
    pub output_intro: Option<KindId>,
    /// What the hire receives, not does ("you'll receive training").
    pub output_perk: Option<KindId>,
    /// A line that courts the candidate ("passionate about ...").
    pub output_appeal: Option<KindId>,
    /// The company looks for the hire ("we are seeking a").
    pub output_search: Option<KindId>,
    /// A duty line that starts with a vague activity ("support the team").
    pub output_vague_lead: Option<KindId>,
    /// A duty line read from its object ("support", "participate in").
    pub output_object_lead: Option<KindId>,
    /// Owning or shipping a thing.
    pub output_owns: Option<KindId>,
    /// A duties heading a scrape may run into the text with no line break
    /// ("Key Responsibilities Build ...").
    pub output_run_in_heading: Option<KindId>,
    /// The central result ("in your first six months", "your main goal").
    pub output_central: Option<KindId>,
    /// A concrete artifact ("dashboards", "data pipelines", "APIs").
    pub output_artifact: Option<KindId>,
    /// Who or what the output is for ("used by", "fraud", "our customers").
    pub output_specific: Option<KindId>,
    /// What makes a product an AI product ("AI-powered", "powered by LLMs").
    pub output_ai_made: Option<KindId>,
    /// What an AI maker makes ("features", "tools", "applications").
    pub output_product_noun: Option<KindId>,
    /// The making of a thing as a noun ("creation of", "development of").
    pub output_making: Option<KindId>,
    /// Role work put into production ("into production", "production systems").
    pub output_production: Option<KindId>,
    /// The head noun of a built thing ("pipelines", "platform", "tooling").
    pub output_head: Option<KindId>,
    /// A model as the head noun of a built thing: named only by what it is
    /// for ("our forecasting models").
    pub output_model_head: Option<KindId>,
    /// Modifiers that do not say what kind of thing is built ("scalable").
    pub output_head_generic: Option<KindId>,
}

impl Kinds {
    /// Each field's kind, looked up by name with `id`.
    pub(super) fn resolve(id: impl Fn(&str) -> Option<KindId>) -> Kinds {
        Kinds {
            heading: id("heading"),
            boilerplate: id("boilerplate"),
            job_board: id("job-board"),
            job_cue: id("job-cue"),
            hire_address: id("hire-address"),
            company_cue: id("company-cue"),

            title_role: id("title-role"),
            title_role_joined: id("title-role-joined"),
            title_modifier: id("title-modifier"),
            title_vague: id("title-vague"),
            title_generic: id("title-generic"),
            title_other_noun: id("title-other-noun"),

            context: id(CONTEXT_KIND),
            negation: id("negation"),
            delegation: id("delegation"),
            preferred_cue: id("preferred-cue"),
            neutral_discipline: id("neutral-discipline"),
            model_research: id("model-research"),
            model_architecture: id("model-architecture"),
            ai_tool_use: id("ai-tool-use"),
            evidence: EVIDENCE_KINDS.iter().filter_map(|&kind| id(kind)).collect(),
            competency: id(COMPETENCY_KIND),

            currency: id(CURRENCY_KIND),
            pay: id(PAY_KIND),
            years: id(YEARS_KIND),
            date_cue: id(DATE_CUE_KIND),
            technology: id(TECHNOLOGY_KIND),

            alternatives_marker: id("alternatives-marker"),
            trait_: id("trait"),
            duty_verb: id("duty-verb"),
            scope: id("scope"),
            masculine_coded: id("masculine-coded"),
            feminine_coded: id("feminine-coded"),
            neutral_head: id("neutral-head"),
            hype_title: id("hype-title"),
            exclusive_culture: id("exclusive-culture"),
            age_coded: id("age-coded"),
            pressure: id("pressure"),
            pressure_cliche: id("pressure-cliche"),
            hollow_perk: id("hollow-perk"),
            real_benefit: id("real-benefit"),
            out_of_role: id("out-of-role"),
            analysis_use: id("analysis-use"),
            lifecycle_start: id("lifecycle-start"),
            lifecycle_close: id("lifecycle-close"),
            seniority_junior: id("seniority-junior"),
            seniority_senior: id("seniority-senior"),
            pay_vague: id("pay-vague"),
            people_training: id("people-training"),
            model_improvement: id("model-improvement"),
            ml_technique: id("ml-technique"),
            modelling_step: id("modelling-step"),
            production_step: id("production-step"),

            ownership: id("ownership"),
            output_build: id("output-build"),
            output_into: id("output-into"),
            output_vague_head: id("output-vague-head"),
            output_lead: id("output-lead"),
            output_hire: id("output-hire"),
            output_skill_lead: id("output-skill-lead"),
            output_intro: id("output-intro"),
            output_perk: id("output-perk"),
            output_appeal: id("output-appeal"),
            output_search: id("output-search"),
            output_vague_lead: id("output-vague-lead"),
            output_object_lead: id("output-object-lead"),
            output_owns: id("output-owns"),
            output_run_in_heading: id("output-run-in-heading"),
            output_central: id("output-central"),
            output_artifact: id("output-artifact"),
            output_specific: id("output-specific"),
            output_ai_made: id("output-ai-made"),
            output_product_noun: id("output-product-noun"),
            output_making: id("output-making"),
            output_production: id("output-production"),
            output_head: id("output-head"),
            output_model_head: id("output-model-head"),
            output_head_generic: id("output-head-generic"),
        }
    }
}
