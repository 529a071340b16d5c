//! What baogao says at start about its own files (the config and the state), as data:
//! the reader shows each in the interface's language (`ui::i18n`), logs and the command
//! line in English ([`std::fmt::Display`]). Paths are already made safe; the parsers'
//! own words (toml, serde_json, the OS) are quoted as they are.

/// One problem with the config or the state file. Nothing is lost: the reader goes on
/// with the defaults, and a damaged state file is set aside, not overwritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Note {
    ConfigUnreadable {
        path: String,
        error: String,
    },
    ConfigInvalid {
        path: String,
        what: String,
    },
    StateUnreadable {
        path: String,
        error: String,
    },
    /// `kept`: where the damaged file was moved (None: left in place).
    StateDamaged {
        path: String,
        error: String,
        kept: Option<String>,
    },
    StateDirUnusable {
        path: String,
    },
}

impl std::fmt::Display for Note {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Note::ConfigUnreadable { path, error } => {
                write!(f, "cannot read {path}: {error}; using defaults")
            }
            Note::ConfigInvalid { path, what } => write!(f, "{path}: {what}; using defaults"),
            Note::StateUnreadable { path, error } => write!(f, "cannot read {path}: {error}"),
            Note::StateDamaged { path, error, kept } => match kept {
                Some(k) => write!(f, "state file {path} is damaged ({error}); kept as {k}"),
                None => write!(f, "state file {path} is damaged ({error}); left in place"),
            },
            Note::StateDirUnusable { path } => {
                write!(f, "cannot use {path}: marks and history will not be saved")
            }
        }
    }
}
