//! The one line editor behind every prompt (`/`, the list filter, the palette, `F`):
//! the readline keys users bring from shells and fzf (Ctrl-a/e, Ctrl-w, Ctrl-u, ←/→,
//! Delete), driven by keymap actions so the keys can be changed and show in `?`.

use super::keymap::Action;

/// Longest query kept: a paste beyond it is cut (queries are short; this bounds work).
pub const MAX_CHARS: usize = 256;

/// A line of text and a cursor (a byte offset on a char boundary).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    text: String,
    cursor: usize,
}

impl Line {
    /// A line holding `s`, the cursor at its end.
    pub fn new(s: &str) -> Line {
        let mut l = Line::default();
        l.set(s);
        l
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The cursor as a char index.
    pub fn cursor_chars(&self) -> usize {
        self.text[..self.cursor].chars().count()
    }

    /// Text before and after the cursor.
    pub fn split(&self) -> (&str, &str) {
        self.text.split_at(self.cursor)
    }

    /// Replace the text; the cursor goes to its end.
    pub fn set(&mut self, s: &str) {
        self.text = s.chars().take(MAX_CHARS).collect();
        self.cursor = self.text.len();
    }

    pub fn clear(&mut self) {
        self.set("");
    }

    /// Type a character at the cursor (control characters are refused).
    pub fn insert(&mut self, c: char) -> bool {
        if c.is_control() || self.text.chars().count() >= MAX_CHARS {
            return false;
        }
        self.text.insert(self.cursor, c);
        self.cursor += c.len_utf8();
        true
    }

    fn prev_boundary(&self) -> Option<usize> {
        self.text[..self.cursor]
            .char_indices()
            .last()
            .map(|(i, _)| i)
    }

    fn next_boundary(&self) -> Option<usize> {
        self.text[self.cursor..]
            .chars()
            .next()
            .map(|c| self.cursor + c.len_utf8())
    }

    /// Carry out an editing action; `None` when `a` is not one. `Some(changed)` says
    /// whether the text changed (a moved cursor alone is `Some(false)`).
    pub fn apply(&mut self, a: Action) -> Option<bool> {
        let before = self.text.len();
        match a {
            Action::Insert(c) => return Some(self.insert(c)),
            Action::DeleteBack => {
                if let Some(p) = self.prev_boundary() {
                    self.text.replace_range(p..self.cursor, "");
                    self.cursor = p;
                }
            }
            Action::DeleteForward => {
                if let Some(n) = self.next_boundary() {
                    self.text.replace_range(self.cursor..n, "");
                }
            }
            Action::DeleteWord => {
                // Back over blanks, then over the word before them (as a shell does).
                let head = &self.text[..self.cursor];
                let trimmed = head.trim_end();
                let start = trimmed
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c.is_whitespace())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                self.text.replace_range(start..self.cursor, "");
                self.cursor = start;
            }
            Action::DeleteToStart => {
                self.text.replace_range(..self.cursor, "");
                self.cursor = 0;
            }
            Action::CursorLeft => {
                self.cursor = self.prev_boundary().unwrap_or(0);
                return Some(false);
            }
            Action::CursorRight => {
                self.cursor = self.next_boundary().unwrap_or(self.cursor);
                return Some(false);
            }
            Action::LineStart => {
                self.cursor = 0;
                return Some(false);
            }
            Action::LineEnd => {
                self.cursor = self.text.len();
                return Some(false);
            }
            _ => return None,
        }
        Some(self.text.len() != before)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;

    fn typed(s: &str) -> Line {
        let mut l = Line::default();
        for c in s.chars() {
            l.apply(Insert(c));
        }
        l
    }

    #[test]
    fn typing_moving_and_deleting_by_characters() {
        let mut l = typed("法治ab");
        assert_eq!((l.as_str(), l.cursor_chars()), ("法治ab", 4));
        l.apply(CursorLeft);
        l.apply(CursorLeft);
        l.apply(Insert('政'));
        assert_eq!((l.as_str(), l.cursor_chars()), ("法治政ab", 3));
        assert_eq!(l.apply(DeleteBack), Some(true));
        assert_eq!(l.apply(DeleteForward), Some(true));
        assert_eq!(l.as_str(), "法治b");
        l.apply(LineStart);
        assert_eq!(l.apply(DeleteBack), Some(false));
        l.apply(Insert('>'));
        l.apply(LineEnd);
        assert_eq!(l.apply(DeleteForward), Some(false));
        assert_eq!((l.as_str(), l.cursor_chars()), (">法治b", 4));
        assert_eq!(l.split(), (">法治b", ""));
    }

    #[test]
    fn ctrl_w_takes_the_last_word_and_ctrl_u_the_head() {
        let mut l = typed("@张店 普法  ");
        l.apply(DeleteWord);
        assert_eq!(l.as_str(), "@张店 ");
        l.apply(DeleteWord);
        assert_eq!(l.as_str(), "");
        let mut l = typed("abc def");
        l.apply(CursorLeft);
        l.apply(CursorLeft);
        l.apply(DeleteToStart);
        assert_eq!((l.as_str(), l.cursor_chars()), ("ef", 0));
    }

    #[test]
    fn control_characters_and_overlong_input_are_refused() {
        let mut l = Line::default();
        assert!(!l.insert('\u{1b}'));
        assert!(!l.insert('\n'));
        for _ in 0..MAX_CHARS + 10 {
            l.insert('字');
        }
        assert_eq!(l.as_str().chars().count(), MAX_CHARS);
        l.set(&"x".repeat(MAX_CHARS * 2));
        assert_eq!(l.as_str().len(), MAX_CHARS);
        assert_eq!(l.apply(Down), None);
    }
}
