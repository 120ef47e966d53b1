//! The texts of the overview part of the planner.

crate::texts! {
    pub enum OverviewText {}
}

#[cfg(test)]
mod tests {
    #[test]
    fn translated() {
        crate::i18n::assert_translated::<super::OverviewText>();
    }
}
