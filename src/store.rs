//! The one owner of a widget's state. The element reads it synchronously
//! (`result` right after setting `answers`), the components render from it
//! and send it actions, and it tells both when something changed. Nothing
//! keeps a second copy.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::Callback;

use crate::state::{Action, SharedGuide, State};

/// Something to do once an app has rendered a store.
type AfterMount = Box<dyn FnOnce(&Store)>;

/// A shared handle to one widget's state; equal when it is the same store.
#[derive(Clone)]
pub struct Store(Rc<Inner>);

struct Inner {
    state: RefCell<Rc<State>>,
    /// Asks the mounted app to render again.
    render: RefCell<Option<Callback<()>>>,
    /// Told after every change of answers (the element's event, the permalink).
    changed: RefCell<Option<Callback<Rc<State>>>>,
    /// Sends actions here; made once, so that components' props stay equal.
    dispatch: RefCell<Option<Callback<Action>>>,
    /// Whether an app has rendered this store yet.
    mounted: Cell<bool>,
    /// What to do once an app has rendered this store: the element swaps
    /// the first render in for the identical pre-rendered guide, then starts.
    after_mount: RefCell<Vec<AfterMount>>,
}

impl PartialEq for Store {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Store").field(&self.state()).finish()
    }
}

impl Store {
    /// A store holding the static state of `guide`.
    pub fn new(guide: SharedGuide) -> Self {
        Store(Rc::new(Inner {
            state: RefCell::new(Rc::new(State::new(guide))),
            render: RefCell::new(None),
            changed: RefCell::new(None),
            dispatch: RefCell::new(None),
            mounted: Cell::new(false),
            after_mount: RefCell::new(Vec::new()),
        }))
    }

    /// The current state.
    pub fn state(&self) -> Rc<State> {
        self.0.state.borrow().clone()
    }

    /// Applies an action at once; then asks for a render and, when the
    /// answers changed, tells whoever listens.
    pub fn dispatch(&self, action: Action) {
        let before = self.state();
        let after = before.reduce(action);
        if Rc::ptr_eq(&before, &after) {
            return;
        }
        *self.0.state.borrow_mut() = after.clone();
        // Clone the callbacks out first: they may dispatch again.
        let render = self.0.render.borrow().clone();
        if let Some(render) = render {
            render.emit(());
        }
        if before.profile != after.profile || before.live != after.live {
            let changed = self.0.changed.borrow().clone();
            if let Some(changed) = changed {
                changed.emit(after);
            }
        }
    }

    /// A callback that sends actions to this store, the same one every time.
    pub fn dispatcher(&self) -> Callback<Action> {
        let mut slot = self.0.dispatch.borrow_mut();
        slot.get_or_insert_with(|| {
            let weak = Rc::downgrade(&self.0);
            Callback::from(move |action| {
                if let Some(inner) = weak.upgrade() {
                    Store(inner).dispatch(action);
                }
            })
        })
        .clone()
    }

    /// Runs `then` once an app has rendered this store (at once if one has).
    pub fn when_mounted(&self, then: impl FnOnce(&Store) + 'static) {
        if self.0.mounted.get() {
            then(self);
        } else {
            self.0.after_mount.borrow_mut().push(Box::new(then));
        }
    }

    /// Drops what was waiting for the first render (the element's swap):
    /// a widget dropped before it mounted keeps no way back to its element.
    pub fn forget_mount(&self) {
        self.0.after_mount.borrow_mut().clear();
    }

    /// Called by the app after its first render of this store.
    pub fn mounted(&self) {
        self.0.mounted.set(true);
        let waiting = std::mem::take(&mut *self.0.after_mount.borrow_mut());
        for then in waiting {
            then(self);
        }
    }

    /// Sets (or, with `None`, clears) what renders the app again.
    pub fn on_render(&self, render: Option<Callback<()>>) {
        *self.0.render.borrow_mut() = render;
    }

    /// Sets what is told after every change of answers.
    pub fn on_change(&self, changed: Option<Callback<Rc<State>>>) {
        *self.0.changed.borrow_mut() = changed;
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    #[test]
    fn dispatch_changes_the_state_at_once_and_tells_listeners() {
        let store = Store::new(SharedGuide::builtin());
        let renders = Rc::new(Cell::new(0));
        let changes = Rc::new(Cell::new(0));
        store.on_render(Some({
            let r = renders.clone();
            Callback::from(move |()| r.set(r.get() + 1))
        }));
        store.on_change(Some({
            let c = changes.clone();
            Callback::from(move |_| c.set(c.get() + 1))
        }));
        let (n, _) = store.state().guide.preset_ids().last().expect("presets");
        store.dispatch(Action::Preset(n));
        assert_eq!(store.state().preset, Some(n), "read back synchronously");
        assert_eq!((renders.get(), changes.get()), (1, 1));
        store.dispatch(Action::Preset(n));
        assert_eq!(
            (renders.get(), changes.get()),
            (1, 1),
            "nothing changed, nothing told"
        );
        store.dispatch(Action::Error("x".into()));
        assert_eq!(
            (renders.get(), changes.get()),
            (2, 1),
            "an error renders but changes no answers"
        );
        assert!(store.dispatcher() == store.dispatcher(), "one dispatcher");
    }
}
