//! SVG line charts of a headline indicator, one per region level: one line per region across
//! years. Labels are SVG
//! text, so Chinese names render with the browser's own fonts.

use std::path::Path;

use countypanel_core::catalog::Indicator;
use plotters::prelude::*;

use crate::AggregateError;
use crate::report::Series;

const PALETTE: &[RGBColor] = &[
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(127, 127, 127),
    RGBColor(188, 189, 34),
    RGBColor(23, 190, 207),
];

/// The chart of one indicator for the regions of one level (`level_zh`, in its caption).
pub(crate) fn line_chart(
    path: &Path,
    ind: &Indicator,
    level_zh: &str,
    series: &[&Series],
) -> Result<(), AggregateError> {
    let err = |m: String| AggregateError::Report {
        path: path.to_path_buf(),
        message: m,
    };
    let years: Vec<i32> = series
        .iter()
        .flat_map(|s| s.by_year.keys().copied())
        .collect();
    let (Some(&y0), Some(&y1)) = (years.iter().min(), years.iter().max()) else {
        return Ok(());
    };
    let values: Vec<f64> = series
        .iter()
        .flat_map(|s| s.by_year.values().map(|(v, _)| *v))
        .collect();
    let vmax = values.iter().copied().fold(f64::MIN, f64::max);
    let vmin = values.iter().copied().fold(f64::MAX, f64::min);
    let (lo, hi) = if ind.unit == countypanel_core::vocab::Unit::Percent {
        (
            (vmin - 5.0).max(0.0).floor(),
            (vmax + 5.0).min(100.0).ceil().max(vmin + 1.0),
        )
    } else {
        let pad = ((vmax - vmin) * 0.1).max(1.0);
        ((vmin - pad).max(0.0), vmax + pad)
    };
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (760, 420)).into_drawing_area();
        root.fill(&WHITE).map_err(|e| err(e.to_string()))?;
        let mut chart = ChartBuilder::on(&root)
            .caption(
                format!("{}（{level_zh}） {}", ind.name, ind.label),
                ("sans-serif", 20),
            )
            .margin(16)
            .x_label_area_size(36)
            .y_label_area_size(56)
            .build_cartesian_2d((y0 - 1)..(y1 + 1), lo..hi)
            .map_err(|e| err(e.to_string()))?;
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .x_labels(((y1 - y0) as usize + 3).min(12))
            .x_label_formatter(&|y| y.to_string())
            .y_desc(ind.unit.as_str())
            .draw()
            .map_err(|e| err(e.to_string()))?;
        for (k, s) in series.iter().enumerate() {
            let color = PALETTE[k % PALETTE.len()];
            let points: Vec<(i32, f64)> = s.by_year.iter().map(|(y, (v, _))| (*y, *v)).collect();
            chart
                .draw_series(LineSeries::new(points.clone(), color.stroke_width(2)))
                .map_err(|e| err(e.to_string()))?
                .label(s.name.clone())
                .legend(move |(x, y)| {
                    PathElement::new(vec![(x, y), (x + 18, y)], color.stroke_width(2))
                });
            chart
                .draw_series(points.iter().map(|p| Circle::new(*p, 3, color.filled())))
                .map_err(|e| err(e.to_string()))?;
        }
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .position(SeriesLabelPosition::LowerRight)
            .draw()
            .map_err(|e| err(e.to_string()))?;
        root.present().map_err(|e| err(e.to_string()))?;
    }
    crate::write_text_atomic(path, &svg)
}
