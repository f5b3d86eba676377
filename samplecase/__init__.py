"""A synthetic Belize trafficking case, generated from a seed, with its machine-readable truth.

Why: extraction, resolution, analysis and the complicity flags need a case whose right answers
are known: who the ring leaders are, which officials are complicit, which investigators only did
their job. ``generate_case(out_dir, seed=20261128, n_notes=150)`` writes one; the same seed gives
byte-identical files, another seed another case (evaluate on a seed you did not tune on).

Layout written under ``out_dir``::

    notes/NNNNN_<date>_<type>.txt|.md|.docx   case notes (UTF-8; two .txt in Windows-1252)
    exports/calls.csv                         CDRs: CALLING_NBR,CALLED_NBR,START_TIME,DURATION_SEC,CELL_SITE
    exports/transfers.csv                     receipts: MTCN,SENDER_NAME,SENDER_PHONE,RECEIVER_NAME,
                                              RECEIVER_PHONE,AMOUNT,CURRENCY,SEND_DATE,CHANNEL,AGENT_LOCATION
    exports/broken_rows_example.csv           only with broken_rows=True
    ground_truth.json

A note opens (nine times in ten) with a header block - ``Case:``, ``Date:`` (ISO, dd/mm/yyyy or
"14 March 2026"), ``Author: <rank> <name>``, ``Type:`` one of interview, witness statement,
surveillance log, tip, arrest report (schema types interview, statement, surveillance, tip,
arrest_report) - then a blank line and the prose. A .docx holds one paragraph per line of text.

``ground_truth.json``::

    {"seed": int, "case_id": "BZ-TIP-2026-NNN",
     "notes": {"notes/00001_2026-01-05_interview.txt": {
         "type": schema note type, "date": ISO, "author": canonical name, "subject": name or null,
         "case_id", "format": txt|md|docx, "encoding": utf-8|cp1252|docx,
         "mentions": [{"label": Person|Phone|Email|Handle|Account|Vehicle|IdDocument|Organization|
                       Location|Money, "value": normalized value, "text": surface, "start", "end"}],
         "relations": [{"type", "source", "target", "start", "end"  (the sentence's span),
                        + "amount", "currency", "channel", "date" for PAID}]}},
     "people": [{"name", "aliases", "role": suspect|victim|witness|official|investigator, "part"
                 (leader, recruiter, transporter, owner, manager, enforcer, victim, witness, official,
                 investigator), "agency", "rank", "complicit": true|false|null, "key_player",
                 "nationality", "home", "phones", "emails", "handles", "accounts", "vehicles",
                 "id_documents", "mentions": count in notes}],
     "phones": [{"e164", "owner"}], "emails": [{"email", "owner"}],
     "handles": [{"handle": "platform:handle", "platform", "owner"}],
     "accounts": [{"number": digits, "bank", "owner"}],
     "vehicles": [{"plate": clean_plate form, "description", "owner"}],
     "id_documents": [{"id": "kind:NUMBER", "kind", "number", "surface", "owner"}],
     "organizations": [{"name", "kind": venue|agency, "venue_type", "location", "owners"}],
     "locations": [{"name", "kind", "district", "mentions"}]   (places mentioned in the notes),
     "relations": [{"type", "source", "target", "notes": [files, incl. exports/*.csv]}],
     "payments": [{"payer", "payee", "amount", "currency", "channel", "date", "note": first file,
                   "notes": all files} or, from transfers.csv, {..., "note": "exports/transfers.csv", "mtcn"}],
     "family": [{"source", "target", "relation"}]}

Mention values: canonical full name (Person, whatever the surface: "Flaco", "Sgt. Cal" - ranks are
outside the span), E.164 (Phone), lowercased address (Email), ``platform:handle`` (Handle),
digits (Account), ``clean_plate`` (Vehicle), ``kind:NUMBER`` (IdDocument), ``"500.00 BZD"``
(Money; a bare "400 dollars" or "$400" is BZD), gazetteer or venue name (Location, Organization;
an address value is "27 Hill Street, Orange Walk Town" while its surface is "27 Hill Street").
Offsets index the decoded file text (for .docx: the paragraphs joined by "\\n").
Relation sources and targets use the same values. INVESTIGATED ties are investigative only;
every complicit official has PAID / CALLED / TIPPED_OFF / SEEN_AT ties to suspects.
"""
from samplecase.writer import DEFAULT_SEED, generate_case

__all__ = ["generate_case", "DEFAULT_SEED"]
