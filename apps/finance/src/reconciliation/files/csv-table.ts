/** One record of a CSV file and the line of the file it starts on (1-based; the header is line 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export type CsvParse =
  { ok: true; header: string[]; records: CsvRecord[] } | { ok: false; line: number; reason: string };

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes (a quote inside doubled, line
 * breaks allowed inside), CRLF or LF line ends, a UTF-8 byte-order mark ignored. Blank lines are
 * skipped. Each record keeps the line it starts on, so errors can name it.
 */
export function parseCsv(text: string): CsvParse {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let recordLine = 1;
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    afterQuote = false;
  };
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (char === '\n') line++;
        cell += char;
      }
      continue;
    }
    if (char === ',') {
      cells.push(cell);
      cell = '';
      afterQuote = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && input[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (char === '"' && cell === '' && !afterQuote) {
      quoted = true;
    } else if (afterQuote) {
      return { ok: false, line, reason: 'a quoted field must end at a comma or the end of the line' };
    } else if (char === '"') {
      return {
        ok: false,
        line,
        reason: 'a quote inside an unquoted field (quote the whole field and double the quote)',
      };
    } else {
      cell += char;
    }
  }
  if (quoted) return { ok: false, line: recordLine, reason: 'a quoted field is not closed' };
  endRecord();
  const [header, ...rest] = records;
  if (!header) return { ok: false, line: 1, reason: 'the file is empty: a header line is expected' };
  return { ok: true, header: header.cells.map((name) => name.trim()), records: rest };
}
