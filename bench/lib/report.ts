// One way to print a figure beside the baseline measured in the same run.
export type Figure = {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  target: string;
  met: boolean;
  note?: string;
};

export function printFigure(f: Figure): void {
  const ratio = f.baseline ? f.value / f.baseline : NaN;
  console.log(
    `${f.met ? "MET   " : "MISSED"} ${f.name}: ${f.value.toFixed(1)} ${f.unit} vs baseline ${f.baseline.toFixed(1)} ${f.unit} (ratio ${ratio.toFixed(2)}; target ${f.target})${f.note ? `\n       ${f.note}` : ""}`,
  );
}
