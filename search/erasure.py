"""Account deletion reaches the search vocabulary: the word forms of the person's names
(kept to expand queries typed without Polish letters) are forgotten. Their comments'
entries are rebuilt by the consultations' eraser."""

from accounts.erasure import eraser

from . import polish
from .models import SearchVocabulary


@eraser("portal_search.searchvocabulary")
def forget_name_forms(user, *, names, **_former):
    for folded, form in polish.diacritic_forms(" ".join(names)):
        SearchVocabulary.objects.filter(folded=folded[:100], form=form).delete()
