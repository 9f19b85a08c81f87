"""Building the content model from a reading without errors: placeholders expanded, glossary words linked."""

from __future__ import annotations

from typing import Any

from ..answers import LIST_FIELDS
from ..validation import as_dict
from . import markup, model
from .checks import Reading


def build(r: Reading, *, rules: dict[str, tuple[dict[str, Any], dict[str, Any]]],
          show_when: dict[str, dict[str, Any] | None], unsure_questions: dict[str, str], fingerprint: str,
          files: int) -> model.Content:
    facts = r.facts

    def phrase(fid: str) -> str | None:
        fact = facts.get(fid)
        return fact.phrase if fact else None

    def plain(text: str) -> str:
        return markup.expand(text, phrase, glossary_links=False)

    def inline(text: str | None) -> str:
        return markup.to_inline_html(markup.expand(text, phrase, glossary_links=True)) if text else ""

    def labels(struct: Any) -> dict[str, str]:
        return {k: plain(v) for k, v in as_dict(struct).items()}

    def question(key: str, q: Any, multiple: bool = False) -> model.Question:
        return model.Question(key, plain(q.prompt), inline(q.help), labels(q.choices), multiple)

    terms = {}
    for tid, entry in r.glossary.items():
        definition = inline(entry.definition)
        terms[tid] = model.Term(tid, plain(entry.term), markup.html_to_text(definition), definition)

    pages = {}
    for d in r.pages:
        f = d.front
        grid = f.grid or {}
        term_ids = dict.fromkeys(tid for tid, _ in markup.term_marks(d.body + " " + " ".join(map(str, grid.values()))))
        pages[f.id] = model.Page(
            id=f.id, title=plain(f.title), step=f.step, audience=f.audience, version=f.version, reviewed=f.reviewed,
            review_due=f.review_due, sources=f.sources, path=d.rel, terms=tuple(term_ids),
            markdown=markup.expand(d.body, phrase, glossary_links=True),  # rendered when first needed (Page.html)
            facts=tuple(dict.fromkeys(markup.fact_ids(d.body))), show_when=show_when[f.id], option=f.option,
            grid={str(k): inline(str(v)) for k, v in grid.items()},
            compare=tuple(model.Comparison(plain(c.title), c.facts) for c in f.compare or ()),
            translated_from=d.translated_from,
        )

    form = r.files["form.yaml"]
    values, sure = form.values, form.sure
    situation = as_dict(form.situation)
    t = r.files["tailoring.yaml"]
    return model.Content(
        root=r.root, bundle=r.files["bundle.yaml"], facts=facts, references=r.references, glossary=terms,
        form=model.Form(
            situation={key: question(key, q, key in LIST_FIELDS) for key, q in situation.items()},
            values_prompt=plain(values.prompt), values_help_html=inline(values.help),
            scale=tuple(plain(s) for s in values.scale), value_items=labels(values.items),
            leaning=question("leaning", form.leaning),
            sure_prompt=plain(sure.prompt), sure_help_html=inline(sure.help), sure_items=labels(sure.items),
            sure_flag_html=inline(sure.flag), help=labels(form.help) if form.help else {},
        ),
        prompt_groups=tuple(
            model.PromptGroup(g.id, plain(g.title), tuple(model.Prompt(q.id, plain(q.text)) for q in g.questions))
            for g in r.files["prompts.yaml"].groups),
        tailoring=model.Tailoring(
            grid_rows=t.grid_rows, framings=labels(t.framings), options=t.options,
            rules=tuple(model.Rule(rule.id, *rules[rule.id], rule.show, rule.hide, rule.notes) for rule in t.rules),
            studies=tuple(
                model.Study(s.id, plain(s.name), s.kind, s.pages,
                            tuple(model.Criterion(c.answer, tuple(map(str, c.took)), tuple(map(str, c.not_took)),
                                                  plain(c.not_included), plain(c.unsure)) for c in s.criteria),
                            plain(s.applies) if s.applies else None, plain(s.label) if s.label else None)
                for s in t.studies),
            unsure_questions=unsure_questions,
            value_conflicts=tuple(model.ValueConflict(c.leaning, c.value, c.at_least, plain(c.text))
                                  for c in t.value_conflicts),
            flag_texts=labels(t.flag_texts) if t.flag_texts else {},
        ),
        pages=pages, fingerprint=fingerprint, files=files,
    )
