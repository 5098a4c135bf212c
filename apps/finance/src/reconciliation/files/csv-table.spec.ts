import { parseCsv } from './csv-table';

describe('CSV tables', () => {
  it('reads a header and records, keeping the line each record starts on', () => {
    const parsed = parseCsv('a,b\r\n1,2\r\n\r\n3,4\r\n');
    expect(parsed).toEqual({
      ok: true,
      header: ['a', 'b'],
      records: [
        { line: 2, cells: ['1', '2'] },
        { line: 4, cells: ['3', '4'] },
      ],
    });
  });

  it('takes quoted fields with commas, doubled quotes and line breaks, and counts lines past them', () => {
    const parsed = parseCsv('\uFEFFid,description\ntxn_1,"Payment, ""gift""\nsecond line"\ntxn_2,plain');
    expect(parsed).toEqual({
      ok: true,
      header: ['id', 'description'],
      records: [
        { line: 2, cells: ['txn_1', 'Payment, "gift"\nsecond line'] },
        { line: 4, cells: ['txn_2', 'plain'] },
      ],
    });
  });

  it('keeps empty fields', () => {
    expect(parseCsv('a,b,c\n,,\n')).toEqual({
      ok: true,
      header: ['a', 'b', 'c'],
      records: [{ line: 2, cells: ['', '', ''] }],
    });
  });

  it('names the line of a quote left open', () => {
    expect(parseCsv('a,b\n1,2\n3,"open\n')).toEqual({ ok: false, line: 3, reason: 'a quoted field is not closed' });
  });

  it('names the line of text after a closing quote', () => {
    expect(parseCsv('a\n"x"y\n')).toEqual({
      ok: false,
      line: 2,
      reason: 'a quoted field must end at a comma or the end of the line',
    });
  });

  it('refuses an empty file', () => {
    expect(parseCsv('')).toMatchObject({ ok: false, line: 1 });
  });
});
