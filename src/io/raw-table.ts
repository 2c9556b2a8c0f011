// A sheet or CSV file as rows of text cells, each row with the number the user
// sees in Excel or a text editor (1-based, counting title rows).
export interface RawRow {
  row: number;
  cells: string[];
}

export interface RawTable {
  file: string;
  sheet?: string;
  rows: RawRow[];
}
