import { IsIn, IsOptional } from 'class-validator';

/** `format=csv` on a report route: the same rows as a spreadsheet file instead of JSON. */
const REPORT_FORMATS = ['json', 'csv'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The query parameter a report route adds to its request (`IntersectionType(Request, ReportFormatQuery)`). */
export class ReportFormatQuery {
  /** `csv` for a spreadsheet file of the same rows. */
  @IsOptional() @IsIn(REPORT_FORMATS) format?: ReportFormat;
}
