//! The texts of the plans part of the planner.

crate::texts! {
    pub enum PlansText {}
}

#[cfg(test)]
mod tests {
    #[test]
    fn translated() {
        crate::i18n::assert_translated::<super::PlansText>();
    }
}
