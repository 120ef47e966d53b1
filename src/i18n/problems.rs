//! The texts of the model's validation messages and of the errors of files
//! and storage.

use crate::model::PlanError;

/// A problem with the plan, in the current language.
pub fn problem_text(error: &PlanError) -> String {
    error.message.clone()
}

crate::texts! {
    pub enum ProblemsText {}
}

#[cfg(test)]
mod tests {
    #[test]
    fn translated() {
        crate::i18n::assert_translated::<super::ProblemsText>();
    }
}
