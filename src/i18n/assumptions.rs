//! The texts of the assumptions part of the planner.

crate::texts! {
    pub enum AssumptionsText {}
}

#[cfg(test)]
mod tests {
    #[test]
    fn translated() {
        crate::i18n::assert_translated::<super::AssumptionsText>();
    }
}
