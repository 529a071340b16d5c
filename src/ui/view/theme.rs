//! The styles: 16 ANSI colours, NO_COLOR, the light and basic variants.

use super::*;

/// Styles, in the 16 ANSI colours (fine on 16- and 256-colour terminals); with
/// NO_COLOR only bold/reverse/underline are used.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    /// For light terminal backgrounds.
    pub light: bool,
    /// Only the 8 basic colours (no bright or grey variants).
    pub basic: bool,
}

impl Theme {
    pub const DARK: Theme = Theme {
        color: true,
        light: false,
        basic: false,
    };
    pub const PLAIN: Theme = Theme {
        color: false,
        light: false,
        basic: false,
    };

    /// Honour NO_COLOR (any non-empty value).
    pub fn from_env() -> Theme {
        Theme::named(None)
    }

    /// "dark", "light" or "16" from the config; NO_COLOR always wins.
    pub fn named(name: Option<&str>) -> Theme {
        let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        Theme {
            color,
            light: name == Some("light"),
            basic: name == Some("16"),
        }
    }

    pub(super) fn fg(&self, c: Color) -> Style {
        if !self.color {
            return Style::new();
        }
        let c = match (c, self.light, self.basic) {
            // Yellow, cyan and light grey read badly on white: darker ones instead. Grey
            // (bright black) is not basic: dim text instead.
            (Color::Yellow, true, _) => Color::Red,
            (Color::Cyan, true, _) => Color::Blue,
            (Color::Gray | Color::White, true, _) => Color::Black,
            (Color::DarkGray, _, true) => return Style::new().add_modifier(Modifier::DIM),
            (c, _, _) => c,
        };
        Style::new().fg(c)
    }
    pub(super) fn border(&self, focused: bool) -> Style {
        if focused {
            self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            self.fg(Color::DarkGray)
        }
    }
    pub(super) fn selected(&self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }
    pub(super) fn kind(&self, k: Kind) -> Style {
        if !self.color {
            return match k {
                Kind::Title | Kind::Heading(1) => {
                    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
                }
                Kind::Heading(2) => Style::new().add_modifier(Modifier::BOLD),
                Kind::Heading(_) => Style::new().add_modifier(Modifier::UNDERLINED),
                Kind::Meta | Kind::Closing => Style::new().add_modifier(Modifier::DIM),
                Kind::Body | Kind::Blank => Style::new(),
            };
        }
        match k {
            Kind::Title => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Kind::Meta => self.fg(Color::DarkGray),
            Kind::Heading(1) => self.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            Kind::Heading(2) => self.fg(Color::Green).add_modifier(Modifier::BOLD),
            Kind::Heading(_) => self.fg(Color::Magenta),
            Kind::Closing => self.fg(Color::DarkGray),
            Kind::Body | Kind::Blank => Style::new(),
        }
    }
    pub(super) fn hit(&self, current: bool) -> Style {
        if !self.color {
            return if current {
                Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
            } else {
                Style::new().add_modifier(Modifier::UNDERLINED)
            };
        }
        if current {
            Style::new().bg(Color::Yellow).fg(Color::Black)
        } else {
            Style::new().bg(Color::Blue).fg(Color::White)
        }
    }
    pub(super) fn tag(&self) -> Style {
        self.fg(Color::DarkGray)
    }
    pub(super) fn status(&self) -> Style {
        if self.color {
            Style::new().bg(Color::Blue).fg(Color::White)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        }
    }
}
