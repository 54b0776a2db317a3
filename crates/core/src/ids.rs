//! Small typed names for the parts of a guide: which question, option, path,
//! rule, advice entry, fact, responsibility, condition or preset a value
//! refers to, and bit sets of them. They replace bare integers, so that a
//! path index can never be passed where a question index is meant.
//!
//! An id is only valid for the guide that made it: the types do not say
//! which guide that is (see ARCHITECTURE.md's invariants).

use std::fmt;
use std::marker::PhantomData;

/// An index into one of a guide's lists.
///
/// Only the crate makes ids (the compiler, the generated built-in guide,
/// and the guide's own iterators such as [`crate::Guide::question_ids`]):
/// the trait is sealed, and the constructor it carries takes a token that
/// code outside the crate cannot name, so not even generic code can call it.
pub trait Id: Copy + Eq + Ord + fmt::Debug + sealed::Make {
    /// The position in its list.
    fn index(self) -> usize;
}

mod sealed {
    /// Makes an id from its position; the supertrait that seals [`super::Id`].
    pub trait Make {
        /// The id at `i`, saturating (see [`super::at`]).
        fn make(i: usize, token: Token) -> Self;
    }

    /// Proof that the caller is this crate: its field is private to `ids.rs`.
    pub struct Token(pub(super) ());
}

/// The id at `i`, for code generic over the kind of id. The compiler checks
/// every list against its limit before it makes ids, so saturating here is
/// never observable.
pub(crate) fn at<T: Id>(i: usize) -> T {
    T::make(i, sealed::Token(()))
}

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident($repr:ty);)*) => {$(
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub(crate) $repr);

        impl Id for $name {
            fn index(self) -> usize {
                usize::from(self.0)
            }
        }

        impl sealed::Make for $name {
            fn make(i: usize, _: sealed::Token) -> Self {
                Self(<$repr>::try_from(i).unwrap_or(<$repr>::MAX))
            }
        }

        impl $name {
            /// The id at `i` (see [`at`]). Not every kind of id is made
            /// by name in every build (the compiler makes most of them).
            #[allow(dead_code)]
            pub(crate) fn at(i: usize) -> Self {
                at(i)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "({})"), self.0)
            }
        }
    )*};
}

ids! {
    /// A question of a guide.
    QuestionId(u8);
    /// One of a question's options (its answers), counted from 0.
    OptionId(u8);
    /// A path (a recommendation), lightest first.
    PathId(u8);
    /// A decision rule, in rule order.
    RuleId(u16);
    /// An advice entry (warning or watch-out).
    AdviceId(u16);
    /// A named fact: a condition that rules, advice and texts reuse.
    FactId(u16);
    /// A responsibility of the "you still own" catalogue.
    RespId(u8);
    /// A question group (a heading).
    GroupId(u8);
    /// A compiled condition.
    CondId(u16);
    /// A preset (a named example workflow), in the guide's order.
    PresetId(u16);
}

/// A set of ids that fit in 64 bits (questions, paths, advice, responsibilities).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Set<T> {
    bits: u64,
    of: PhantomData<T>,
}

impl<T: Id> Set<T> {
    /// The empty set.
    pub const EMPTY: Self = Set {
        bits: 0,
        of: PhantomData,
    };

    /// Whether `id` is in the set.
    pub fn contains(self, id: T) -> bool {
        id.index() < 64 && self.bits & (1 << id.index()) != 0
    }

    /// Adds `id` (ids past 63 cannot occur: the compiler caps every list that forms sets).
    pub fn insert(&mut self, id: T) {
        if id.index() < 64 {
            self.bits |= 1 << id.index();
        }
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.bits == 0
    }

    /// How many ids are in the set.
    pub fn len(self) -> usize {
        self.bits.count_ones() as usize
    }

    /// The ids in ascending order.
    pub fn iter(self) -> impl Iterator<Item = T> {
        let bits = self.bits;
        (0..64).filter(move |i| bits & (1 << i) != 0).map(at)
    }

    /// Both sets together.
    pub fn union(self, other: Self) -> Self {
        Set {
            bits: self.bits | other.bits,
            of: PhantomData,
        }
    }

    #[cfg_attr(not(feature = "compile"), allow(dead_code))]
    pub(crate) const fn from_bits(bits: u64) -> Self {
        Set {
            bits,
            of: PhantomData,
        }
    }

    #[cfg_attr(not(feature = "compile"), allow(dead_code))]
    pub(crate) fn bits(self) -> u64 {
        self.bits
    }
}

impl<T: Id> Default for Set<T> {
    fn default() -> Self {
        Self::EMPTY
    }
}

impl<T: Id> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut set = Self::EMPTY;
        iter.into_iter().for_each(|id| set.insert(id));
        set
    }
}

impl<T: Id> fmt::Debug for Set<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}
