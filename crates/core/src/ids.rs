//! Small typed names for the parts of a guide: which question, option, path,
//! rule, advice entry, fact, responsibility or condition a value refers to,
//! and bit sets of them. They replace bare integers, so that a path index can
//! never be passed where a question index is meant.

use std::fmt;
use std::marker::PhantomData;

/// An index into one of a guide's lists.
pub trait Id: Copy + Eq + Ord + fmt::Debug {
    /// The position in its list.
    fn index(self) -> usize;
    /// The id at `i`. The compiler checks every list against its limit
    /// before it makes ids, so saturating here is never observable.
    #[doc(hidden)]
    fn at(i: usize) -> Self;
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
            fn at(i: usize) -> Self {
                Self(<$repr>::try_from(i).unwrap_or(<$repr>::MAX))
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
        (0..64).filter(move |i| bits & (1 << i) != 0).map(T::at)
    }

    /// Both sets together.
    pub fn union(self, other: Self) -> Self {
        Set {
            bits: self.bits | other.bits,
            of: PhantomData,
        }
    }

    pub(crate) const fn from_bits(bits: u64) -> Self {
        Set {
            bits,
            of: PhantomData,
        }
    }

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
