//! The jump list (Ctrl-o / Ctrl-i, like vim's) and the sections read before each jump.

use crate::corpus::SectionId;

/// A place to jump back to: a report and a point in its text (paragraph and byte),
/// so it survives a change of width (zoom, resize).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub report: usize,
    pub para: u32,
    pub offset: u32,
}

/// Places jumped from, and the sections read there.
#[derive(Debug, Default, Clone)]
pub struct Jumps {
    list: Vec<Pos>,
    /// Where Ctrl-o goes next: `list[at - 1]`; `at == list.len()` is the present.
    at: usize,
    /// Sections read before a jump, the latest last (at most [`RECENT`]).
    recent: Vec<(usize, SectionId)>,
}

/// Places kept, and sections remembered.
pub const KEPT: usize = 200;
pub const RECENT: usize = 20;

impl Jumps {
    /// A jump leaves `here` (reading `section`): later places are forgotten, as in vim.
    pub fn record(&mut self, here: Option<Pos>, section: Option<(usize, SectionId)>) {
        if let Some(s) = section {
            self.recent.retain(|&x| x != s);
            self.recent.push(s);
            if self.recent.len() > RECENT {
                self.recent.remove(0);
            }
        }
        if let Some(p) = here {
            self.list.truncate(self.at);
            if self.list.last() != Some(&p) {
                self.list.push(p);
            }
            if self.list.len() > KEPT {
                self.list.remove(0);
            }
            self.at = self.list.len();
        }
    }

    /// Ctrl-o from `here`: the last place before it that is not `here` (None when there is
    /// no earlier one). Leaving the present keeps it, so Ctrl-i comes back.
    pub fn back(&mut self, here: Option<Pos>) -> Option<Pos> {
        if self.at == 0 {
            return None;
        }
        if self.at == self.list.len()
            && let Some(p) = here
            && self.list.last() != Some(&p)
        {
            self.list.push(p);
        }
        while self.at > 0 {
            self.at -= 1;
            if Some(self.list[self.at]) != here {
                return Some(self.list[self.at]);
            }
        }
        None
    }

    /// Ctrl-i: the next place after the one Ctrl-o went to.
    pub fn forward(&mut self) -> Option<Pos> {
        if self.at + 1 >= self.list.len() {
            return None;
        }
        self.at += 1;
        Some(self.list[self.at])
    }

    /// Sections read before jumps, the latest first.
    pub fn recent(&self) -> impl Iterator<Item = (usize, SectionId)> + '_ {
        self.recent.iter().rev().copied()
    }

    /// The places, oldest first (for the state file).
    pub fn places(&self) -> &[Pos] {
        &self.list
    }

    /// Start from saved places, at the present.
    pub fn restore(places: Vec<Pos>) -> Jumps {
        let at = places.len();
        Jumps {
            list: places,
            at,
            recent: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(report: usize, para: u32) -> Pos {
        Pos {
            report,
            para,
            offset: 0,
        }
    }

    #[test]
    fn back_and_forward_walk_the_places_like_vim() {
        let mut j = Jumps::default();
        assert_eq!(j.back(Some(p(0, 0))), None);
        j.record(Some(p(0, 0)), None);
        j.record(Some(p(1, 5)), None);
        // From a third place: back to the second, then the first, then nothing.
        assert_eq!(j.back(Some(p(2, 9))), Some(p(1, 5)));
        assert_eq!(j.back(Some(p(1, 5))), Some(p(0, 0)));
        assert_eq!(j.back(Some(p(0, 0))), None);
        // Forward again, up to the place we left.
        assert_eq!(j.forward(), Some(p(1, 5)));
        assert_eq!(j.forward(), Some(p(2, 9)));
        assert_eq!(j.forward(), None);
    }

    #[test]
    fn a_jump_from_the_past_forgets_the_later_places() {
        let mut j = Jumps::default();
        for r in 0..3 {
            j.record(Some(p(r, 0)), None);
        }
        assert_eq!(j.back(Some(p(3, 0))), Some(p(2, 0)));
        assert_eq!(j.back(Some(p(2, 0))), Some(p(1, 0)));
        j.record(Some(p(1, 0)), None);
        assert_eq!(j.places(), &[p(0, 0), p(1, 0)]);
        assert_eq!(j.forward(), None);
    }

    #[test]
    fn places_and_recent_sections_are_bounded() {
        let mut j = Jumps::default();
        for r in 0..(KEPT + 50) {
            j.record(Some(p(r, 0)), Some((r, SectionId(0))));
        }
        assert_eq!(j.places().len(), KEPT);
        assert_eq!(j.recent().count(), RECENT);
        assert_eq!(j.recent().next(), Some((KEPT + 49, SectionId(0))));
    }
}
