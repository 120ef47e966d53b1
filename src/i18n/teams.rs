//! The texts of the teams part of the planner.

crate::texts! {
    pub enum TeamsText {}
}

#[cfg(test)]
mod tests {
    #[test]
    fn translated() {
        crate::i18n::assert_translated::<super::TeamsText>();
    }
}
