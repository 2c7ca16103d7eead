#!/usr/bin/python3
"""Drive LibreOffice Calc headless over UNO: open workbooks, edit them the way a
clerk would, recalculate, read cells back and store them in other formats.

Usage: /usr/bin/python3 uno_edit.py SPEC.json RESULT.json
SPEC: {"soffice": "soffice", "profile": "/tmp/...", "jobs": [{"input", "ops", "outputs"}]}
RESULT: {"jobs": [{"sheets": [...], "reads": [...]}]} or {"error": "..."}.
One soffice process (own profile, own pipe) serves every job of the spec.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import traceback
import uuid

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.table.CellContentType import EMPTY, VALUE, TEXT, FORMULA

FILTERS = {
    "xlsx": "Calc Office Open XML",
    "xls": "MS Excel 97",
    "ods": "calc8",
    "pdf": "calc_pdf_Export",
    "csv": "Text - txt - csv (StarCalc)",
}


def props(**kw):
    out = []
    for k, v in kw.items():
        p = PropertyValue()
        p.Name = k
        p.Value = v
        out.append(p)
    return tuple(out)


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def start_office(soffice, profile, log):
    pipe = "ctxh_" + uuid.uuid4().hex
    args = [
        soffice,
        "-env:UserInstallation=" + url(profile),
        "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
        "--nolockcheck", "--nofirststartwizard",
        "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe,
    ]
    proc = subprocess.Popen(args, stdout=log, stderr=log, stdin=subprocess.DEVNULL, start_new_session=True)
    # The caller kills this process group if we overrun its timeout.
    with open(os.path.join(os.path.dirname(profile.rstrip("/")), "soffice.pgid"), "w") as f:
        f.write(str(proc.pid))
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + float(os.environ.get("CTXH_SOFFICE_START_TIMEOUT", "90"))
    while True:
        if proc.poll() is not None:
            raise RuntimeError("soffice exited with code %s before accepting a connection" % proc.returncode)
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except NoConnectException:
            if time.time() > deadline:
                raise RuntimeError("soffice did not accept a connection in time")
            time.sleep(0.25)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    return proc, desktop


def stop_office(proc, desktop):
    try:
        if desktop is not None:
            desktop.terminate()
    except Exception:
        pass  # the bridge dies with the process: expected
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        pass
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()


def api_formula(f):
    """Excel-style separators (",") to the UNO API grammar (";"), outside string literals."""
    out, quote = [], None
    for ch in f:
        if quote is None and ch in "\"'":
            quote = ch
        elif ch == quote:
            quote = None
        out.append(";" if ch == "," and quote is None else ch)
    return "".join(out)


def uno_datetime(iso):
    """"2025-04-05T15:10:00" → com.sun.star.util.DateTime."""
    d = uno.createUnoStruct("com.sun.star.util.DateTime")
    date, _, tm = iso.partition("T")
    d.Year, d.Month, d.Day = (int(x) for x in date.split("-"))
    if tm:
        parts = [int(float(x)) for x in tm.rstrip("Z").split(":")]
        d.Hours, d.Minutes = parts[0], parts[1]
        d.Seconds = parts[2] if len(parts) > 2 else 0
    return d


def col_letter(c):
    s = ""
    while c > 0:
        c, rem = divmod(c - 1, 26)
        s = chr(65 + rem) + s
    return s


def get_sheet(doc, ref):
    sheets = doc.getSheets()
    if ref is None:
        return sheets.getByIndex(0)
    if isinstance(ref, int):
        return sheets.getByIndex(ref)
    if not sheets.hasByName(ref):
        raise RuntimeError("no sheet named %r (sheets: %s)" % (ref, list(sheets.getElementNames())))
    return sheets.getByName(ref)


def cell_json(cell):
    t = cell.getType()
    if t == EMPTY:
        return {"type": "empty"}
    if t == VALUE:
        return {"type": "number", "value": cell.getValue(), "text": cell.getString()}
    if t == TEXT:
        return {"type": "text", "value": cell.getString()}
    # Formula: its computed result.
    out = {"type": "formula", "formula": cell.getFormula(), "text": cell.getString()}
    if cell.getError() != 0:
        out["error"] = cell.getError()
    else:
        rt = cell.FormulaResultType2
        out["resultType"] = {1: "number", 2: "text"}.get(rt, str(rt))
        out["value"] = cell.getValue() if rt == 1 else cell.getString()
    return out


def apply(doc, op):
    kind = op["op"]
    sheet = get_sheet(doc, op.get("sheet"))
    if kind in ("setNumber", "setText", "setFormula", "clear"):
        cell = sheet.getCellRangeByName(op["cell"])
        if kind == "setNumber":
            cell.setValue(float(op["value"]))
        elif kind == "setText":
            cell.setString(op["value"])  # literal text, also when it starts with "="
        elif kind == "setFormula":
            f = op["formula"]
            cell.setFormula(api_formula(f if f.startswith("=") else "=" + f))
        else:
            cell.setString("")
        return None
    if kind == "insertRows":
        sheet.getRows().insertByIndex(op["before"] - 1, op.get("count", 1))
        return None
    if kind == "deleteRows":
        sheet.getRows().removeByIndex(op["at"] - 1, op.get("count", 1))
        return None
    if kind == "renameSheet":
        sheet.setName(op["name"])
        return None
    if kind == "copySheet":
        sheets = doc.getSheets()
        pos = op.get("position", sheets.getCount())
        sheets.copyByName(sheet.getName(), op["name"], pos)
        return None
    if kind == "moveSheet":
        doc.getSheets().moveByName(sheet.getName(), op["position"])
        return None
    if kind == "insertSheet":
        sheets = doc.getSheets()
        sheets.insertNewByName(op["name"], op.get("position", sheets.getCount()))
        return None
    if kind == "removeSheet":
        doc.getSheets().removeByName(sheet.getName())
        return None
    if kind == "unprotect":
        sheet.unprotect(op.get("password", ""))
        return None
    if kind == "protect":
        sheet.protect(op.get("password", ""))
        return None
    if kind == "docProps":
        dp = doc.getDocumentProperties()
        if "created" in op:
            dp.CreationDate = uno_datetime(op["created"])
        if "author" in op:
            dp.Author = op["author"]
            dp.ModifiedBy = op["author"]
        if "title" in op:
            dp.Title = op["title"]
        return None
    if kind == "read":
        doc.calculateAll()
        rng = sheet.getCellRangeByName(op["range"])
        addr = rng.getRangeAddress()
        rows = []
        for r in range(addr.EndRow - addr.StartRow + 1):
            rows.append([cell_json(rng.getCellByPosition(c, r)) for c in range(addr.EndColumn - addr.StartColumn + 1)])
        return {"sheet": sheet.getName(), "range": op["range"], "cells": rows}
    if kind == "readUsed":
        doc.calculateAll()
        cur = sheet.createCursor()
        cur.gotoEndOfUsedArea(False)
        last = cur.getRangeAddress()
        rows = [[cell_json(sheet.getCellByPosition(c, r)) for c in range(last.EndColumn + 1)] for r in range(last.EndRow + 1)]
        return {"sheet": sheet.getName(), "range": "A1:%s%d" % (col_letter(last.EndColumn + 1), last.EndRow + 1), "cells": rows}
    if kind == "find":
        # First cell of the used area whose text equals op["text"] (trimmed); 1-based row/col or null.
        doc.calculateAll()
        cur = sheet.createCursor()
        cur.gotoEndOfUsedArea(False)
        last = cur.getRangeAddress()
        for r in range(last.EndRow + 1):
            for c in range(last.EndColumn + 1):
                if sheet.getCellByPosition(c, r).getString().strip() == op["text"]:
                    return {"sheet": sheet.getName(), "text": op["text"], "row": r + 1, "col": c + 1}
        return {"sheet": sheet.getName(), "text": op["text"], "row": None, "col": None}
    raise RuntimeError("unknown op %r" % kind)


def run_job(desktop, job, workdir):
    if not os.path.isfile(job["input"]):
        raise RuntimeError("input file not found: %s" % job["input"])
    # Open a private copy: two instances opening one file at once trip over LibreOffice's
    # lock files ("type detection failed"), and the input is never touched.
    os.makedirs(workdir, exist_ok=True)
    local = os.path.join(workdir, os.path.basename(job["input"]))
    shutil.copyfile(job["input"], local)
    doc = desktop.loadComponentFromURL(url(local), "_blank", 0, props(Hidden=True, ReadOnly=False))
    if doc is None:
        raise RuntimeError("LibreOffice could not open %s" % job["input"])
    try:
        reads = []
        for i, op in enumerate(job.get("ops", [])):
            try:
                res = apply(doc, op)
            except Exception as e:  # name the op that failed
                raise RuntimeError("op #%d %s failed: %s" % (i, json.dumps(op, ensure_ascii=False), e))
            if res is not None:
                reads.append(res)
        doc.calculateAll()
        for out in job.get("outputs", []):
            fmt = out["format"]
            if fmt not in FILTERS:
                raise RuntimeError("unknown output format %r" % fmt)
            os.makedirs(os.path.dirname(os.path.abspath(out["path"])), exist_ok=True)
            extra = {}
            if fmt == "csv":
                extra["FilterOptions"] = "44,34,76,1"
            doc.storeToURL(url(out["path"]), props(FilterName=FILTERS[fmt], Overwrite=True, **extra))
        sheets = list(doc.getSheets().getElementNames())
        return {"sheets": sheets, "reads": reads}
    finally:
        doc.close(True)


def main():
    spec_path, result_path = sys.argv[1], sys.argv[2]
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    profile = spec["profile"]
    log_path = os.path.join(os.path.dirname(profile.rstrip("/")), "soffice.log")
    result = {}
    proc = desktop = None
    with open(log_path, "ab") as log:
        try:
            proc, desktop = start_office(spec.get("soffice", "soffice"), profile, log)
            work = os.path.join(os.path.dirname(profile.rstrip("/")), "inputs")
            result["jobs"] = [run_job(desktop, job, os.path.join(work, str(i))) for i, job in enumerate(spec["jobs"])]
        except Exception as e:
            result = {"error": str(e), "trace": traceback.format_exc()}
        finally:
            if proc is not None:
                stop_office(proc, desktop)
    with open(result_path, "w", encoding="utf-8") as f:
        json.dump(result, f, ensure_ascii=False)
    sys.exit(1 if "error" in result else 0)


if __name__ == "__main__":
    main()
