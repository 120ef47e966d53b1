//! The texts of the exports part of the planner.

crate::texts! {
    pub enum ExportsText {}
}

#[cfg(test)]
mod tests {
    #[test]
    fn translated() {
        crate::i18n::assert_translated::<super::ExportsText>();
    }
}
