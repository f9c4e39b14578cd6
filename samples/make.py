"""Makes the sample review that `selfreview demo` writes: Oakfield Primary School, a
fictional school. Every name in it is invented.

    cargo build && python3 samples/make.py target/debug/selfreview

The workbooks are made by selfreview and filled in with openpyxl, as reviewers would (the
group workbook after the members' own, as a meeting would, with the agreed commentary); the
meeting register is converted to .ods by LibreOffice (soffice must be on the PATH). The
output is committed; the demo embeds it.
"""
import csv
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import tempfile
import zlib
import struct

import openpyxl

D = dt.date
HERE = os.path.dirname(os.path.abspath(__file__))
EVIDENCE = os.path.join(HERE, "evidence")
DOCS = os.path.join(EVIDENCE, "documents")

# (code, OSL level, DSL level, governor level, OSL commentary, evidence, actions, owner, target)
ROWS = [
    ("A1.1", 2, 2, 2, "The online safety policy sets out the duties of the headteacher, the DSL, the online safety lead, governors, the technician and all staff. Staff went through their duties at the September briefing and new staff meet them at induction. The online safety lead and the DSL meet every half term and keep notes.", "documents/online-safety-policy.pdf", "Give learners a written part through the digital leaders", "OSL", "31/03/2027"),
    ("A1.2", 2, 2, 3, "The online safety group has terms of reference and includes the online safety lead, the DSL, the technician, the link governor, two parents and four digital leaders. It met six times in the last year; the minutes record actions with owners, and it reviewed the policy and the incident log each term.", "documents/osg-terms-of-reference.txt", "Add a community member to the group", "OSL", "31/01/2027"),
    ("A1.3", 2, 3, 2, "The staff code of conduct covers online behaviour and names the approved channels for contacting families: the school app and school email only. Every new adult goes through it at induction and all staff revisited it in September. Breaches are handled through the staff conduct procedure.", "documents/online-safety-policy.pdf", "", "", ""),
    ("A2.1", 2, 2, 2, "The policy was rewritten with staff, learners, parents and governors in spring, approved by the governing body, and published on the website. It covers the whole community and every setting, and it is reviewed at least every two years and after any serious incident; the last review was in July.", "documents/online-safety-policy.pdf", "", "", ""),
    ("A2.2", 3, 3, 2, "There are acceptable use agreements for staff, Key Stage 2 and parents, renewed each September, but the Key Stage 1 version is the same text as Key Stage 2 and visitors do not sign anything. We keep a list of who has signed, but we do not yet chase the gaps.", "documents/acceptable-use-ks2.txt", "Write a Key Stage 1 agreement with pictures; add a visitor agreement", "Computing lead", "28/02/2027"),
    ("A2.3", 2, 1, 2, "Learners can report to any adult, through the worry box or the anonymous form on the school app; parents report through the office. The response follows the flowchart in the policy, every incident is logged in the safeguarding system with the action taken, and sanctions follow the behaviour policy.", "documents/online-safety-policy.pdf", "", "", ""),
    ("B1.1", 2, 2, 2, "Online safety is taught in every year group through computing and PSHE, mapped so that it builds each year. Lessons are adapted for learners with special educational needs by the SENCO, and the map was updated this year for AI chatbots and online challenges. Pupils in learning walks could explain what they had learnt.", "documents/curriculum-map.csv", "", "", ""),
    ("B1.2", 3, 2, 4, "The school council discussed online safety twice this year and the digital leaders ran an assembly on passwords. Their ideas changed the wording of the Key Stage 2 agreement. They do not yet lead sessions for other classes or for parents, and we have not measured the difference they make.", "", "Train digital leaders to run a session for each class", "OSL", "30/04/2027"),
    ("B2.1", 2, 2, 2, "All staff, teaching and support, are trained at induction and updated at least every two years; the last whole-staff update was in September. A training needs audit in July shaped the content, and the training record shows who was trained when and who is due, so gaps are followed up.", "staff-training.xlsx", "Catch up the staff who missed the September update", "OSL", "31/12/2026"),
    ("B3.1", 2, 2, 2, "The link governor for online safety meets the online safety lead each half term and sits on the online safety group. Most governors were trained by the local authority within the last two years. The governing body receives an online safety report every term and its minutes show the questions asked.", "", "", "", ""),
    ("B4.1", 2, 3, 2, "Parents receive an online safety item in every fortnightly newsletter and on the website page. Two parent workshops ran this year, one on gaming and one on early phones. Parents know to raise concerns through the office or the app, and the parent survey in June had ninety responses.", "documents/parent-newsletter.html", "", "", ""),
    ("B4.2", 3, 3, 3, "The school works with the police liaison officer, who gave talks to Year 6, and uses the local authority's online safety adviser for advice. We do not yet have standing links with other agencies or take part in the local safeguarding network's online safety meetings.", "", "Join the local safeguarding network's online safety meetings", "DSL", "31/03/2027"),
    ("C1.1", 2, 2, 2, "Filtering is provided by the broadband supplier to recognised standards, with different settings for staff and pupils. Every request to block or allow a site is approved by the DSL and logged. The filter is tested each half term and the annual filtering and monitoring review took place in September.", "documents/filtering-review.txt", "", "", ""),
    ("C1.2", 2, 2, 2, "Monitoring software flags concerning searches on school devices; the DSL and the technician review alerts each morning and concerns go onto the safeguarding system. Users are told about monitoring in their agreements, and the arrangements were reviewed with filtering in September.", "documents/filtering-review.txt", "", "", ""),
    ("C1.3", 2, 2, 3, "Written procedures cover accounts, passwords, device management, updates and backups. Every user has their own account with access matched to their role; the technician tested a restore from backup in October. The managed service provider checks security each year.", "", "", "", ""),
    ("C1.4", 2, 2, 2, "The school knows what personal data it holds and where, from the data map reviewed each year with the data protection officer. Staff were trained in handling data in September. Breaches are logged and handled by the written procedure; there were two minor ones this year, both closed.", "", "", "", ""),
    ("C2.1", 1, 2, 2, "Rules for school and personal devices cover learners, staff and visitors and are shown at reception and in classrooms. School tablets are managed centrally. Pupils hand in phones at the office. Breaches are dealt with consistently and recorded, and the rules were reviewed with parents and pupils this year.", "", "", "", ""),
    ("C2.2", 2, 2, 2, "The school's social media accounts follow written rules on approval, consent and moderation, run by the office manager and the headteacher. Staff were reminded about personal use in September. Learners are taught about social media in every key stage, and the policy says how we respond to comments about the school.", "", "", "", ""),
    ("C2.3", 2, 2, 2, "Consent for images is gathered on entry and updated each year; staff check the list before anything is published. Only school devices are used, images are stored on the school system and deleted after two years, and parents are reminded of the rules for photos at school events.", "documents/school-photo.png", "", "", ""),
    ("C2.4", 2, 2, 1, "Only the office manager and the headteacher publish to the website, following written rules, and the headteacher approves each post. The site is checked each term for out-of-date material and personal information, and it carries an online safety page for families.", "documents/parent-newsletter.html", "", "", ""),
    ("D1.1", 3, 2, 3, "Incident figures are summarised by category each term and reported to governors, and the parent survey is compared year on year. We can show some changes, such as the gaming workshop after a rise in gaming incidents, but we have not yet surveyed pupils or staff or judged the impact of each part of our work.", "", "Run pupil and staff surveys and compare with the incident trends", "OSL", "30/06/2027"),
]

DSL_NOTES = {
    "A1.3": "Most staff know the code, but two new support staff had not seen it until October.",
    "A2.3": "Reporting works well: every incident this year was logged with the action taken, and pupils told the learning walk they trust the worry box.",
    "B1.2": "The digital leaders are active and their assembly on passwords was a real success.",
    "B4.1": "Workshops were poorly attended; most parents only see the newsletter.",
    "C2.1": "The rules are clear, but they have not been reviewed with pupils.",
}
GOV_NOTES = {
    "A1.2": "The group meets, but I have missed two meetings and the parent places were empty until recently.",
    "B1.2": "I have not seen learners involved beyond the council.",
    "C1.3": "The provider's security check is not yet in writing.",
    "C2.4": "The website is excellent and I check it myself each term.",
}


def run(binary, *args):
    subprocess.run([binary, *args], check=True, stdout=subprocess.DEVNULL)


def fill(path, reviewer, index):
    wb = openpyxl.load_workbook(path)
    ws = wb["Scores"]
    headers = {c.value: c.column for c in ws[1] if c.value}
    for row in ws.iter_rows(min_row=2):
        code = row[headers["Code"] - 1].value
        entry = next((r for r in ROWS if r[0] == code), None)
        if entry is None:
            continue
        r = row[0].row
        ws.cell(r, headers["Level"], entry[1 + index])
        if index == 0:
            ws.cell(r, headers["Commentary"], entry[4])
            if entry[5]:
                ws.cell(r, headers["Evidence"], entry[5])
            if entry[6]:
                ws.cell(r, headers["Planned actions"], entry[6])
                ws.cell(r, headers["Owner"], entry[7])
                ws.cell(r, headers["Target date"], entry[8])
        else:
            notes = DSL_NOTES if index == 1 else GOV_NOTES
            if code in notes:
                ws.cell(r, headers["Commentary"], notes[code])
        grow(ws, r, headers)
    wb.save(path)


def grow(ws, r, headers):
    """Makes row r as tall as its wrapped text, as Excel does while a reviewer types: the
    workbook leaves the rows people fill in at the program's own height."""
    lines = 1
    for name, cell in headers.items():
        text = ws.cell(r, cell).value
        if not isinstance(text, str):
            continue
        width = ws.column_dimensions[openpyxl.utils.get_column_letter(cell)].width or 8.43
        room = max(1, int(width * 1.1 - 2))
        lines = max(lines, sum(-(-max(len(p), 1) // room) for p in text.split("\n")))
    height = 15 * lines + 3
    if lines > 1 and height > (ws.row_dimensions[r].height or 0):
        ws.row_dimensions[r].height = height


def workbooks(binary):
    with tempfile.TemporaryDirectory() as tmp:
        review = os.path.join(tmp, "review")
        run(binary, "init", review, "--school", "Oakfield Primary School", "--review-date", "2026-11-01", "--framework", "online-safety-21")
        run(binary, "-C", review, "workbook", "--reviewer", "Online Safety Lead", "--reviewer", "DSL", "--reviewer", "Link Governor")
        os.makedirs(os.path.join(HERE, "scores"), exist_ok=True)
        for i, name in enumerate(["online-safety-lead", "dsl", "link-governor"]):
            path = os.path.join(review, "scores", name + ".xlsx")
            fill(path, name, i)
            shutil.copy(path, os.path.join(HERE, "scores", name + ".xlsx"))


# Where the group meeting settled differently from the online safety lead, and why.
GROUP_DECISIONS = {
    "A1.2": (2, "The group has met six times with minutes; the governor's missed meetings do not change that it meets and acts."),
    "A2.3": (2, "The DSL's level 1 needs evidence of impact beyond the log; the group settled on the established level."),
    "B1.2": (3, "Learners shape the agreements, but do not yet lead sessions: level 3 until they do."),
    "C2.1": (2, "The rules have not yet been reviewed with pupils, so the group did not claim level 1."),
    "C2.4": (2, "The governor's level 1 needs the website's impact to be evaluated; the group agreed level 2."),
}


def fill_group(path):
    wb = openpyxl.load_workbook(path)
    ws = wb["Scores"]
    headers = {c.value: c.column for c in ws[1] if c.value}
    for row in ws.iter_rows(min_row=2):
        code = row[headers["Code"] - 1].value
        entry = next((r for r in ROWS if r[0] == code), None)
        # A row that continues the aspect above it (the members' long commentary goes on
        # there) takes none of the group's entries.
        if entry is None or str(row[headers["Aspect"] - 1].value).endswith("(continued)"):
            continue
        r = row[0].row
        level, rationale = GROUP_DECISIONS.get(code, (entry[1], ""))
        ws.cell(r, headers["Agreed"], level)
        if rationale:
            ws.cell(r, headers["Rationale"], rationale)
        ws.cell(r, headers["Agreed commentary"], entry[4])
        if entry[5]:
            ws.cell(r, headers["Evidence"], entry[5])
        if entry[6]:
            ws.cell(r, headers["Planned actions"], entry[6])
            ws.cell(r, headers["Owner"], entry[7])
            ws.cell(r, headers["Target date"], entry[8])
        grow(ws, r, headers)
    wb.save(path)


def group_workbook(binary):
    """The group's meeting workbook, made after the members' own (so it starts from them)."""
    with tempfile.TemporaryDirectory() as tmp:
        review = os.path.join(tmp, "review")
        run(binary, "init", review, "--school", "Oakfield Primary School", "--review-date", "2026-11-01", "--framework", "online-safety-21")
        for name in ["online-safety-lead", "dsl", "link-governor"]:
            shutil.copy(os.path.join(HERE, "scores", name + ".xlsx"), os.path.join(review, "scores", name + ".xlsx"))
        run(binary, "-C", review, "workbook", "--group", "--reviewer", "Online Safety Lead", "--reviewer", "DSL", "--reviewer", "Link Governor")
        path = os.path.join(review, "scores", "group.xlsx")
        fill_group(path)
        shutil.copy(path, os.path.join(HERE, "scores", "group.xlsx"))


def history():
    """The snapshot of the review three years ago, just before the Mark was awarded."""
    os.makedirs(os.path.join(HERE, "history"), exist_ok=True)
    then = {"A1.2": 3, "A2.2": 3, "B1.2": 4, "B2.1": 3, "B4.1": 3, "B4.2": 3, "C1.3": 3, "D1.1": 3, "C2.1": 2}
    aspects = [{"code": r[0], "agreed": then.get(r[0], 2), "counted": then.get(r[0], 2)} for r in ROWS]
    doc = {"school": "Oakfield Primary School", "review_date": "2023-11-20", "framework": "online-safety-21", "aspects": aspects}
    import json
    with open(os.path.join(HERE, "history", "2023-11-20.json"), "w") as f:
        json.dump(doc, f, indent=2)
        f.write("\n")


def staff_training():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Training log"
    ws.append(["Oakfield Primary School: online safety training"])
    ws.append(["Updated by the office, November 2026"])
    ws.append([])
    ws.append(["Staff member", "Job title", "Course", "Provider", "Date completed", "Next due"])
    people = [
        ("Amelia Hart", "Headteacher", D(2026, 9, 2)), ("Ben Osei", "Deputy Head / DSL", "02/09/2026"),
        ("Chloe Pike", "Teacher", "2 Sept 2026"), ("Daniel Roy", "Teacher", "02.09.26"),
        ("Erin Shaw", "Teacher", D(2026, 9, 2)), ("Farah Iqbal", "Teacher", "15/01/2025"),
        ("George Lane", "Teaching Assistant", "2/9/2026"), ("Hana Wood", "Teaching Assistant", "02-Sep-26"),
        ("Isaac Kerr", "Teaching Assistant", "11/11/2024"), ("Jade Moss", "SENCO", D(2025, 9, 1)),
        ("Kyle Dunn", "Office Manager", "2 September 2026"), ("Lena Frost", "Technician", D(2026, 3, 14)),
        ("Mark Hale", "Caretaker", None), ("Nadia Cole", "Lunchtime Supervisor", "02/09/2026"),
        ("Owen Price", "Chair of Governors", "12/10/2025"), ("Priya Nair", "Governor", D(2025, 10, 12)),
        ("Quinn Ayres", "Governor", "12.10.25"), ("Rosa Bell", "Governor", "20/06/2023"),
        ("Sam Tate", "Governor", "12/10/2025"), ("Tom Reeve", "Link Governor", D(2026, 5, 19)),
    ]
    for name, role, date in people:
        ws.append([name, role, "Online safety update", "Local authority", date, None])
    ws.append([])
    ws.append(["Certificates are kept in the staff shared drive."])
    wb.save(os.path.join(EVIDENCE, "staff-training.xlsx"))


def meetings():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Register"
    ws.append(["Date", "Meeting", "Present", "Apologies", "Agenda items", "Actions agreed", "Actions completed"])
    rows = [
        (D(2025, 11, 12), "Online Safety Group", "OSL; DSL; Technician; Link governor; Digital leaders", "", "Incident log; Filtering report", 3, 2),
        (D(2025, 12, 3), "Full Governing Body", "Governors", "", "Online safety report; Budget", 1, 0),
        (D(2026, 1, 14), "Online Safety Group", "OSL; DSL; Technician; Parents", "Link governor", "Policy review; Acceptable use", 4, 3),
        ("25/02/2026", "Online Safety Group", "OSL; DSL; Digital leaders", "", "Curriculum map; Surveys", 2, 2),
        ("18/03/2026", "FGB", "Governors", "", "Online safety report; Data protection", 1, 1),
        ("29.4.26", "Online Safety Group", "OSL; DSL; Technician; Link governor", "", "Incident trends; Gaming workshop", 2, 2),
        (D(2026, 6, 17), "Online Safety Group", "OSL; DSL; Parents; Digital leaders", "", "Parent survey results", 2, 1),
        ("8 July 2026", "Full Governing Body", "Governors", "", "Online safety report; Policy approval", 1, 1),
        (D(2026, 9, 23), "Online Safety Group", "OSL; DSL; Technician; Link governor", "", "Annual filtering and monitoring review", 3, 2),
        (D(2026, 10, 21), "Online Safety Group", "OSL; DSL; Digital leaders", "", "Action plan; Self-review", 2, 0),
        ("Next meeting: December", None, None, None, None, None, None),
    ]
    for r in rows:
        ws.append(list(r))
    path = os.path.join(EVIDENCE, "meeting-register.xlsx")
    wb.save(path)
    subprocess.run(["soffice", "--headless", "--convert-to", "ods", "--outdir", EVIDENCE, path], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.remove(path)


def safeguarding_export():
    header = ["Pupil", "Year Group", "Date/Time", "Categories", "Details", "Actions", "Status", "Raised By"]
    rows = [
        ["Alfie Brooks", "Year 6", "14/11/2025 10:20", "Cyberbullying", "Unkind comments in a gaming chat", "Spoke to pupils and parents", "Closed", "Class teacher"],
        ["Bella Grant", "Year 5", "03/12/2025 13:05", "Inappropriate content", "Saw a violent clip on a friend's phone", "Parents informed; lesson on reporting", "Closed", "TA"],
        ["Caleb Fisher", "Year 6", "21/01/2026 09:40", "Gaming; Unwanted contact", "Message from an unknown adult in a game", "Reported to CEOP with parents; blocked", "Closed", "DSL"],
        ["Daisy Hughes", "Year 4", "2026-02-10 11:00", "Filtering alert", "Searched for an unsuitable word", "Filter log reviewed; spoke to pupil", "Closed", "Technician"],
        ["Ethan Lloyd", "Year 6", "04/03/2026 15:30", "Cyberbullying, Online reputation", "Edited photo shared in a class group", "Parents met; photo removed", "Closed", "Class teacher"],
        ["Freya Mason", "Year 5", "22/04/2026 10:10", "Sharing nudes", "Request for an image", "Safeguarding procedure followed", "Closed", "DSL"],
        ["Harry Newton", "Year 3", "13/05/2026 14:00", "Gaming", "Playing an 18 game at home", "Parent workshop invitation", "Closed", "Class teacher"],
        ["Isla Owens", "Year 6", "09/06/2026 12:45", "Online challenge", "Copied a dangerous dare", "Assembly; parents informed", "Closed", "Head"],
        ["Jack Palmer", "Year 5", "30/06/2026", "Cyberbullying", "Group chat exclusion", "Restorative meeting", "Closed", "TA"],
        ["Katie Quinn", "Year 6", "17/09/2026 09:15", "Inappropriate content", "Pop-up advert on a school tablet", "Site blocked", "Closed", "Technician"],
        ["Liam Rhodes", "Year 5", "06/10/2026 13:20", "Cyberbullying", "Nasty messages after a football match", "Spoke to pupils; monitoring", "Open", "Class teacher"],
        ["Maya Singh", "Year 6", "31/10/2026", "Scam", "Fake prize message", "", "Open", "Office"],
        ["Noah Turner", "Year 4", "13/13/2026", "Gaming", "Date typed wrongly in the system", "", "Open", "TA"],
    ]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    with open(os.path.join(EVIDENCE, "safeguarding-export.csv"), "w", encoding="cp1252", newline="") as f:
        f.write(buf.getvalue())


# The pupil list as a management information system exports it: legal and preferred names
# in separate columns. The children in the safeguarding export are on it, with the rest of
# the school; some names carry accents, one is also an everyday word, one has a nickname.
PUPILS = [
    ("Alfie", "", "Brooks", "Year 6"), ("Isabella", "Bella", "Grant", "Year 5"),
    ("Caleb", "", "Fisher", "Year 6"), ("Daisy", "", "Hughes", "Year 4"),
    ("Ethan", "", "Lloyd", "Year 5"), ("Freya", "", "Mason", "Year 6"),
    ("Harry", "", "Newton", "Year 3"), ("Isla", "", "Owens", "Year 5"),
    ("Jack", "", "Palmer", "Year 6"), ("Katie", "", "Quinn", "Year 4"),
    ("Liam", "", "Rhodes", "Year 6"), ("Maya", "", "Singh", "Year 5"),
    ("Noah", "", "Turner", "Year 4"), ("Zoë", "", "Ärnström", "Year 3"),
    ("Łukasz", "", "Nowak", "Year 2"), ("Ömer", "", "Yılmaz", "Year 6"),
    ("Grace", "", "Adeyemi", "Year 1"), ("Oluwaseun", "Seun", "Okafor", "Reception"),
    ("Siobhán", "", "O'Sullivan", "Year 2"), ("Amelia", "", "Patel", "Year 1"),
    ("Oliver", "", "Wright", "Year 3"), ("Poppy", "", "Walsh", "Reception"),
]


def pupil_list():
    with open(os.path.join(EVIDENCE, "pupil-list.csv"), "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["Legal Forename", "Preferred Forename", "Legal Surname", "Year", "Reg Group"])
        for forename, preferred, surname, year in PUPILS:
            w.writerow([forename, preferred, surname, year, year.replace("Year ", "") + "A"])


def pdf(path, lines):
    text = "BT /F1 12 Tf 60 780 Td 16 TL " + " ".join(f"({l}) '" for l in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{o}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    with open(path, "wb") as f:
        f.write(out)


def png(path, width=120, height=80):
    raw = b"".join(b"\x00" + b"".join(bytes((30 + x % 200, 100 + y, 170)) for x in range(width)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(data)


def documents():
    os.makedirs(DOCS, exist_ok=True)
    pdf(os.path.join(DOCS, "online-safety-policy.pdf"), [
        "Oakfield Primary School - Online Safety Policy",
        "Approved by the governing body, July 2026. Next review: July 2028.",
        "Section 2 sets out the roles of the headteacher, DSL, online safety lead,",
        "governors, technician and all staff.",
    ])
    with open(os.path.join(DOCS, "osg-terms-of-reference.txt"), "w") as f:
        f.write("Oakfield Primary School - Online Safety Group: terms of reference\n\n"
                "Purpose: to steer online safety across the school and check the effect of what we do.\n"
                "Members: online safety lead (chair), DSL, technician, link governor, two parents, four digital leaders.\n"
                "Meets: every half term. Minutes record actions, owners and dates.\n"
                "Reports: to the governing body each term.\n")
    with open(os.path.join(DOCS, "acceptable-use-ks2.txt"), "w") as f:
        f.write("Key Stage 2 acceptable use agreement\n\nI will only use school devices for the work my teacher sets.\n"
                "I will tell an adult if I see something that worries me.\nI will keep my passwords to myself.\n")
    with open(os.path.join(DOCS, "curriculum-map.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Year", "Autumn", "Spring", "Summer"])
        for year, a, s, su in [("R", "Who can help me?", "Safe searching", "Sharing pictures"), ("1", "Passwords", "Kind online", "Asking for help"),
                               ("2", "Personal information", "Online friends", "Screen time"), ("3", "Digital footprint", "Fake news", "Gaming safely"),
                               ("4", "Consent and images", "Online challenges", "Privacy settings"), ("5", "Online relationships", "Scams", "AI chatbots"),
                               ("6", "Early phones", "Online reputation", "Moving to secondary")]:
            w.writerow([year, a, s, su])
    with open(os.path.join(DOCS, "parent-newsletter.html"), "w") as f:
        f.write("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Online safety news</title></head><body>"
                "<h1>Online safety news - October 2026</h1><p>Our gaming workshop is on 12 November at 6pm.</p>"
                "<p>Worried about something your child has seen online? Contact the school office or use the app.</p></body></html>")
    with open(os.path.join(DOCS, "filtering-review.txt"), "w") as f:
        f.write("Annual filtering and monitoring review - 23 September 2026\n\nPresent: DSL, technician, link governor.\n"
                "Filtering: tested with the standard checks; all categories blocked for pupils.\n"
                "Monitoring: alerts reviewed each morning; 41 alerts this year, 3 passed to the DSL.\n"
                "Actions: add the new tablets to the monitoring service by half term.\n")
    png(os.path.join(DOCS, "school-photo.png"))


def policy_register():
    """The policy register, under a merged "Review" heading, with dates typed as people do."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Policies"
    ws.append(["Oakfield Primary School: policy review schedule"])
    ws.append([])
    ws.append(["Document", "Owner", "Approved by", "Review", None, "Where kept"])
    ws.append([None, None, None, "Last", "Next due", None])
    ws.merge_cells("D3:E3")
    rows = [
        ("Online Safety Policy", "Online safety lead", "Full governing body", "08/07/2026", "July 2027", "Website"),
        ("Acceptable Use Agreements (staff, KS2, parents)", "Online safety lead", "Headteacher", D(2026, 9, 1), "01/09/2027", "Shared drive"),
        ("Filtering and monitoring review", "Technician and DSL", "Senior leadership", "23.9.26", "September 2027", "Shared drive"),
        ("Online Safety Group terms of reference", "Online safety lead", "Online safety group", "15/09/2025", "15/09/2026", "Shared drive"),
        ("Staff Code of Conduct", "Headteacher", "Full governing body", "20 January 2026", "20/01/2027", "Staff handbook"),
        ("Data Protection Policy", "Data protection officer", "Full governing body", D(2025, 10, 5), "05/10/2027", "Website"),
        ("Mobile phones and personal devices", "Headteacher", "Full governing body", "1 March 2026", "March 2028", "Website"),
        ("Social Media Policy", "Office manager", "Full governing body", "14/11/2024", "14/11/2026", "Website"),
        ("Photography and images", "Office manager", "Full governing body", "10/09/2026", "10/09/2028", "Website"),
        ("Password and cyber security procedures", "Technician", "Senior leadership", "10/10/2026", "10/10/2027", "Shared drive"),
        ("Online safety curriculum map", "Computing lead", "Headteacher", "15/07/2026", "July 2027", "Shared drive"),
        (),
        ("Reviewed by the governors' policy committee: 11 documents",),
    ]
    for r in rows:
        ws.append(list(r))
    wb.save(os.path.join(EVIDENCE, "policy-register.xlsx"))


def agreement_returns():
    """Acceptable use agreements returned this September, counted by class."""
    rows = [
        ["Acceptable use agreements returned, September 2026", "", "", ""],
        ["Class", "Returned", "Number on roll", "Date counted"],
        ["Reception", "26", "30", "18/09/2026"],
        ["Year 1", "28", "30", "18/09/2026"],
        ["Year 2", "27", "30", "18/09/2026"],
        ["Year 3", "29", "30", "18/09/2026"],
        ["Year 4", "25", "30", "18/09/2026"],
        ["Year 5", "24", "30", "18/09/2026"],
        ["Year 6", "28", "30", "18/09/2026"],
        ["Staff", "14", "14", "2 Sept 2026"],
        ["Governors", "5", "6", "12/10/2026"],
        ["Volunteers", "2", "4", "12/10/2026"],
        ["", "", "", ""],
        ["Visitors sign the visitor book, not an agreement", "", "", ""],
    ]
    with open(os.path.join(EVIDENCE, "aua-returns.csv"), "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)


def filtering_checks():
    """The technician's filtering test log: each half term, one failure followed up."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Filtering log"
    ws.append(["Filtering checks: tested with the SWGfL test site and the provider's categories"])
    ws.append(["Date of check", "What was tested", "Result", "Checked by", "Action taken"])
    rows = [
        ("03/12/2025", "Test site: all categories", "Blocked - pass", "Technician", ""),
        (D(2026, 2, 12), "Pupil and staff profiles", "Pass", "Technician", ""),
        ("25.3.26", "Proxy and VPN sites", "Not blocked - reported to provider", "Technician", "Provider added the category"),
        ("27/03/2026", "Proxy and VPN sites: retest", "Blocked - pass", "Technician", ""),
        ("5 May 2026", "Test site: all categories", "Blocked - pass", "Technician", ""),
        ("30/06/2026", "New tablets", "Pass", "Technician", ""),
        (D(2026, 9, 23), "Annual review: test site and search terms", "Pass", "Technician and DSL", ""),
        ("14/10/2026", "Test site: all categories", "Blocked - pass", "Technician", ""),
        (),
        ("Results are reported to the online safety group each term",),
    ]
    for r in rows:
        ws.append(list(r))
    wb.save(os.path.join(EVIDENCE, "filtering-checks.xlsx"))


def surveys():
    """Surveys so far: only parents, this year and last."""
    rows = [
        ["Survey", "Who was asked", "Date", "Responses"],
        ["Parent online safety survey", "Parents and carers", "June 2026", "90"],
        ["Parent online safety survey", "Parents and carers", "20/06/2025", "74"],
    ]
    with open(os.path.join(EVIDENCE, "surveys.csv"), "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)


def parent_engagement():
    """Workshops and the newsletter's online safety items."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Parents"
    ws.append(["Date", "Type", "What", "Parents attending"])
    rows = [
        ("21/11/2025", "Newsletter", "Online safety item: age ratings", None),
        (D(2026, 1, 16), "Newsletter", "Online safety item: new devices", None),
        ("12/02/2026", "Workshop", "Gaming and online safety", 14),
        ("13.3.26", "Newsletter", "Online safety item: online challenges", None),
        ("15 May 2026", "Workshop", "First phones: staying safe and what to agree at home", 9),
        ("26/06/2026", "Website", "Online safety page updated", None),
        (D(2026, 9, 11), "Newsletter", "Online safety item: the new agreements", None),
        ("16/10/2026", "Newsletter", "Online safety item: scams", None),
    ]
    for r in rows:
        ws.append(list(r))
    wb.save(os.path.join(EVIDENCE, "parent-engagement.xlsx"))


def registers():
    policy_register()
    agreement_returns()
    filtering_checks()
    surveys()
    parent_engagement()


def review_toml():
    with open(os.path.join(HERE, "review.toml"), "w") as f:
        f.write('''# The sample review that `selfreview demo` writes: Oakfield Primary School is fictional.
school = "Oakfield Primary School"
framework = "online-safety-21"
review-date = 2026-11-01

# The Computing Lead has no workbook yet: the demo makes a blank one.
reviewers = ["Online Safety Lead", "DSL", "Link Governor", "Computing Lead"]

min-commentary-words = 40

[[evidence]]
kind = "training"
path = "evidence/staff-training.xlsx"
[evidence.roles]
"Deputy Head / DSL" = "staff"

[[evidence]]
kind = "meetings"
path = "evidence/meeting-register.ods"

[[evidence]]
kind = "incidents"
path = "evidence/safeguarding-export.csv"
[evidence.categories]
"Unwanted contact" = "Grooming or unwanted contact"
"Online challenge" = "Online challenges"
"Scam" = "Scams and fraud"

[[evidence]]
kind = "documents"
path = "evidence/policy-register.xlsx"

[[evidence]]
kind = "agreements"
path = "evidence/aua-returns.csv"

[[evidence]]
kind = "filtering"
path = "evidence/filtering-checks.xlsx"

[[evidence]]
kind = "surveys"
path = "evidence/surveys.csv"

[[evidence]]
kind = "engagement"
path = "evidence/parent-engagement.xlsx"

# The pupil list: only read to keep every pupil's name out of the reports and the pack.
[[evidence]]
kind = "pupils"
path = "evidence/pupil-list.csv"

[pack]
staff-names = false
# The photo cannot be searched for names; the online safety lead has looked at it.
checked-by-hand = ["documents/school-photo.png"]

# The headteacher and the chair of governors signed the review off.
[sign-off]
headteacher = "Mrs A. Hart"
chair-of-governors = "Mr O. Price"
lead = "Mrs E. Shaw"
date = 2026-11-01

# The Mark was awarded after a visit three years ago: reassessment is due soon.
[mark]
awarded = 2023-12-05
last-assessment = "visit"
''')


if __name__ == "__main__":
    binary = sys.argv[1]
    os.makedirs(EVIDENCE, exist_ok=True)
    review_toml()
    documents()
    staff_training()
    meetings()
    safeguarding_export()
    pupil_list()
    registers()
    workbooks(binary)
    group_workbook(binary)
    history()
