//! The config file: ~/.config/baogao/config.toml on Linux (directories' ProjectDirs, so
//! XDG_CONFIG_HOME is honoured). Every option is optional; a file with an error is
//! reported (file, line, what) and the defaults are used. The file is only ever read.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Folders (or files) opened when baogao is started without a PATH.
    pub corpus: Vec<PathBuf>,
    /// "dark" (default), "light" or "16" (the 8 basic colours and their bright forms
    /// only). NO_COLOR always wins.
    pub theme: Option<String>,
    /// Draw East-Asian ambiguous characters (“ ” · —) two cells wide, as many CJK
    /// terminal setups do.
    pub ambiguous_wide: bool,
    /// Widest text line in the viewer, in cells (easier reading on wide terminals).
    pub reading_width: Option<u16>,
    /// The reader's language: "zh" (default) or "en".
    pub language: Option<String>,
    /// Key overrides: action name = key or [keys], e.g. `quit = "x"`,
    /// `palette = ["Ctrl-p", "Alt-p"]`.
    pub keys: BTreeMap<String, KeySpec>,
}

impl Config {
    /// What the reader takes from it: the keymap with the overrides, widths, language.
    pub fn settings(&self) -> crate::ui::app::Settings {
        crate::ui::app::Settings {
            keymap: crate::ui::keymap::Keymap::with_overrides(
                self.keys.iter().map(|(a, k)| (a.as_str(), k.keys())),
            ),
            ambiguous_wide: self.ambiguous_wide,
            reading_width: self.reading_width,
            lang: self
                .language
                .as_deref()
                .and_then(crate::ui::i18n::Lang::parse)
                .unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum KeySpec {
    One(String),
    Many(Vec<String>),
}

impl KeySpec {
    pub fn keys(&self) -> Vec<&str> {
        match self {
            KeySpec::One(k) => vec![k.as_str()],
            KeySpec::Many(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// Where the config file lives (it need not exist).
pub fn path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("BAOGAO_CONFIG") {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("", "", "baogao").map(|d| d.config_dir().join("config.toml"))
}

/// Read the config. A missing file is the defaults; a broken one is the defaults plus
/// a message naming the file, the line and what is wrong.
pub fn load(path: Option<&Path>) -> (Config, Option<crate::notes::Note>) {
    let Some(path) = path else {
        return (Config::default(), None);
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Config::default(), None),
        Err(e) => {
            return (
                Config::default(),
                Some(crate::notes::Note::ConfigUnreadable {
                    path: crate::safe::Safe::path(path).to_string(),
                    error: e.to_string(),
                }),
            );
        }
    };
    match parse(&text) {
        Ok(c) => (c, None),
        Err(what) => (
            Config::default(),
            Some(crate::notes::Note::ConfigInvalid {
                path: crate::safe::Safe::path(path).to_string(),
                what: crate::safe::Safe::text(&what).to_string(),
            }),
        ),
    }
}

/// Parse config text; errors say the line and what is wrong.
pub fn parse(text: &str) -> Result<Config, String> {
    let cfg: Config = toml::from_str(text).map_err(|e| {
        let what = e.message().trim().to_string();
        match e.span() {
            Some(span) => {
                let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
                format!("line {line}: {what}")
            }
            None => what,
        }
    })?;
    if let Some(t) = &cfg.theme
        && !matches!(t.as_str(), "dark" | "light" | "16")
    {
        let line = line_of(text, "theme");
        return Err(format!(
            "line {line}: theme must be \"dark\", \"light\" or \"16\", not {t:?}"
        ));
    }
    if let Some(l) = &cfg.language
        && crate::ui::i18n::Lang::parse(l).is_none()
    {
        let line = line_of(text, "language");
        return Err(format!(
            "line {line}: language must be \"zh\" or \"en\", not {l:?}"
        ));
    }
    for (action, spec) in &cfg.keys {
        let line = line_of(text, action);
        if crate::ui::keymap::parse_action_name(action).is_none() {
            return Err(format!(
                "line {line}: no action called {action:?} (see `?` in the reader; a mode's \
                 own key is \"mode.action\", the modes being {})",
                crate::ui::keymap::Scope::ALL
                    .iter()
                    .map(|s| s.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        for k in spec.keys() {
            let Some(key) = crate::ui::keymap::Key::parse(k) else {
                return Err(format!(
                    "line {line}: cannot read the key {k:?} for {action}"
                ));
            };
            // Ctrl-C always quits: whatever else is configured, there is a way out.
            if key == crate::ui::keymap::Key::ctrl('c')
                && crate::ui::keymap::parse_action_name(action)
                    .is_none_or(|(_, a)| a != crate::ui::keymap::Action::Quit)
            {
                return Err(format!(
                    "line {line}: Ctrl-c always quits; it cannot be given to {action}"
                ));
            }
        }
        if action.rsplit('.').next() == Some("quit") && spec.keys().is_empty() {
            return Err(format!(
                "line {line}: quit needs at least one key (Ctrl-c always quits too)"
            ));
        }
    }
    Ok(cfg)
}

fn line_of(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.trim_start().starts_with(key))
        .map_or(1, |i| i + 1)
}

/// The commented default file (`baogao config --default`).
pub const DEFAULT: &str = r#"# baogao configuration. Every option is optional; these are the defaults.
# Location: `baogao config --path` (on Linux ~/.config/baogao/config.toml).

# Folders (or files) opened when baogao starts without a PATH.
# corpus = ["/srv/reports/2024", "~/reports"]
corpus = []

# Colours: "dark", "light" or "16" (basic colours only). NO_COLOR always wins.
theme = "dark"

# Draw East-Asian ambiguous characters (“ ” · —) two cells wide. Turn this on when
# your terminal does (quotes then look misaligned without it).
ambiguous_wide = false

# Widest text line in the viewer, in cells. Unset: the whole pane.
# reading_width = 80

# The reader's language: "zh" (中文, the default) or "en".
# language = "en"

# Key overrides: action = "key" or ["key", ...]. Keys look like "x", "X", "Ctrl-x",
# "Alt-x", "Enter", "Esc", "Tab", "Space", "Up", "PgDn", "Del". An action name alone
# changes its keys in every mode it has keys in (the prompts and the palette keep
# theirs, where a letter must stay a letter); "mode.action" changes one mode only:
# "compare.close" = "Q", "palette.down" = "Ctrl-j". Modes: global, list, tree, help,
# prompt, palette, compare, across, coverage. Action names are listed below, in the
# reader's help (`?`) and in the README.
[keys]
# quit = ["q", "Ctrl-q"]
# palette = "Ctrl-p"
"#;

/// The default file followed by the action names keys can be given to, with their
/// default keys (`baogao config --default`).
pub fn default_text() -> String {
    let mut out = String::from(DEFAULT);
    out.push_str("\n# Actions and their default keys:\n");
    for scope in crate::ui::keymap::Scope::ALL {
        for a in crate::ui::keymap::Action::ALL {
            let keys: Vec<String> = crate::ui::keymap::KEYMAP
                .iter()
                .filter(|b| b.action == *a && b.scope == *scope)
                .map(|b| format!("{:?}", b.key.label()))
                .collect();
            if keys.is_empty() {
                continue;
            }
            out.push_str(&format!(
                "# \"{}.{}\" = [{}]\n",
                scope.name(),
                a.name(),
                keys.join(", ")
            ));
        }
    }
    out
}

/// Expand a leading `~/` in configured paths.
pub fn expand(p: &Path) -> PathBuf {
    if let Ok(rest) = p.strip_prefix("~")
        && let Some(home) = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf())
    {
        return home.join(rest);
    }
    p.to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_key_reads_back_as_written() {
        for b in crate::ui::keymap::KEYMAP {
            assert_eq!(
                crate::ui::keymap::Key::parse(&b.key.label()),
                Some(b.key),
                "{}",
                b.key.label()
            );
        }
        // And the listed defaults parse as a config.
        assert!(parse(&default_text()).is_ok());
    }

    #[test]
    fn the_default_file_parses_to_the_defaults() {
        let c = parse(DEFAULT).unwrap();
        assert_eq!(
            c,
            Config {
                theme: Some("dark".into()),
                ..Config::default()
            }
        );
    }

    #[test]
    fn errors_name_the_line_and_the_problem() {
        let e = parse("theme = \"dark\"\nambiguous_wide = \"yes\"\n").unwrap_err();
        assert!(e.starts_with("line 2:"), "{e}");
        let e = parse("colour = 1\n").unwrap_err();
        assert!(e.contains("line 1") && e.contains("colour"), "{e}");
        let e = parse("theme = \"pink\"\n").unwrap_err();
        assert!(e.contains("line 1") && e.contains("pink"), "{e}");
        let e = parse("[keys]\nfly = \"f\"\n").unwrap_err();
        assert!(e.contains("line 2") && e.contains("fly"), "{e}");
        let e = parse("[keys]\nquit = \"Hyper-q\"\n").unwrap_err();
        assert!(e.contains("Hyper-q"), "{e}");
    }
}
