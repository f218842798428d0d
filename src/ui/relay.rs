//! Page-long state as one view reads it: through relays the view makes as it
//! mounts and drops as it goes.
//!
//! Leptos keeps a reader that is gone in the list of each thing it read, and
//! copies and walks those lists on every change. Rows reading page-long
//! state straight piled up there, about 600 a visit: after 300 visits to the
//! scoring view and back, a check-in took 25 ms instead of 9. A view reads
//! through relays instead, so a visit leaves one reader behind per relay.

use leptos::prelude::*;

/// A memo that changes whenever `track` reports a change; read it with [`follow`].
pub fn changes_of(track: impl Fn() + Send + Sync + 'static) -> Memo<()> {
    // Always "changed": it reruns only when what it tracks changed.
    Memo::new_with_compare(move |_| track(), |_, _| true)
}

/// Tracks a memo of [`changes_of`]. Read, not only tracked: a memo runs, and
/// so follows what it tracks, only when it is read. A relay whose view has
/// gone reads as nothing, like a signal that is gone.
pub fn follow(changes: Memo<()>) {
    let _ = changes.try_get();
}

/// A relay of `changes` for one view.
pub fn relay(changes: Memo<()>) -> Memo<()> {
    changes_of(move || follow(changes))
}

/// A page-long memo whose readers track a relay of it: its value is read in
/// place, never copied (a copy held elsewhere would make the scores, which
/// are updated in place, copy themselves on each check-in).
pub struct Relayed<T: Send + Sync + 'static> {
    memo: Memo<T>,
    changes: Memo<()>,
}

impl<T: Send + Sync + 'static> Clone for Relayed<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Relayed<T> {}

impl<T: Send + Sync + 'static> Relayed<T> {
    pub fn new(memo: Memo<T>) -> Self {
        Relayed {
            memo,
            changes: changes_of(move || memo.with(|_| ())),
        }
    }

    /// The memo as one view reads it.
    pub fn for_view(self) -> Self {
        Relayed {
            changes: relay(self.changes),
            ..self
        }
    }

    pub fn with<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        follow(self.changes);
        self.memo.with_untracked(f)
    }

    pub fn with_untracked<U>(&self, f: impl FnOnce(&T) -> U) -> U {
        self.memo.with_untracked(f)
    }
}

impl<T: Clone + Send + Sync + 'static> Relayed<T> {
    pub fn get(&self) -> T {
        self.with(T::clone)
    }

    pub fn get_untracked(&self) -> T {
        self.memo.get_untracked()
    }
}
