//! The texts of the cloud part of the planner.

crate::texts! {
    pub enum CloudText {}
}

#[cfg(test)]
mod tests {
    #[test]
    fn translated() {
        crate::i18n::assert_translated::<super::CloudText>();
    }
}
