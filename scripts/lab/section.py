"""How a lab's section of the lab report is laid out (scripts/lab/report.py),
shared by the pipe and signals sections: a heading, what was traced, a table
with one column per architecture, each architecture's claims (statement,
held, evidence) marked held or DID NOT HOLD, and the traces that failed."""
import html

TITLE = {"riscv": "RISC-V", "x86": "i386"}


def markdown(heading, intro, lab, arches, rows, claims, errors):
    """The section of report.md. rows: the table's rows (label first);
    claims: {arch: [(statement, held, evidence)]}."""
    md = ["", "## " + heading, "", intro, ""]
    if arches:
        md += ["| | %s |" % " | ".join(TITLE[a] for a in arches),
               "|---|" + "---|" * len(arches)]
        md += ["| %s |" % " | ".join(c.replace("|", "\\|") for c in row)
               for row in rows]
        md.append("")
    for arch in arches:
        md += ["**%s, %s**" % (TITLE[arch], lab), ""]
        md += ["- %s: %s — %s" % ("held" if held else "DID NOT HOLD", text,
                                  evidence)
               for text, held, evidence in claims[arch]]
        md.append("")
    for arch, why in errors.items():
        md += ["**%s, %s: trace failed**:" % (TITLE[arch], lab), "", "```",
               why, "```", ""]
    return md


def html_section(heading_html, intro_html, lab, css, arches, rows, claims,
                 errors, code_html):
    """The section of report.html, the same parts as markdown()."""
    h = ["<h2>%s</h2>" % heading_html, "<p>%s</p>" % intro_html]
    if arches:
        h.append('<table class="%s"><tr><th></th>%s</tr>' % (css, "".join(
            "<th>%s</th>" % TITLE[a] for a in arches)))
        h += ["<tr>%s</tr>" % "".join("<td>%s</td>" % code_html(c)
                                      for c in row) for row in rows]
        h.append("</table>")
    for arch in arches:
        h.append("<h3>%s, %s</h3><ul>" % (TITLE[arch], lab))
        h += ['<li><span class="%s">%s</span>: %s — %s</li>' % (
            "held" if held else "failed",
            "held" if held else "DID NOT HOLD", html.escape(text),
            html.escape(evidence))
            for text, held, evidence in claims[arch]]
        h.append("</ul>")
    for arch, why in errors.items():
        h.append("<h3>%s, %s: trace failed</h3><pre>%s</pre>" % (
            TITLE[arch], lab, html.escape(why)))
    return h
