//! The texts of the compare part of the planner.

crate::texts! {
    pub enum CompareText {}
}

#[cfg(test)]
mod tests {
    #[test]
    fn translated() {
        crate::i18n::assert_translated::<super::CompareText>();
    }
}
