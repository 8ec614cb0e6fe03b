//! Plain aligned tables for people (comfy-table underneath), the same look everywhere. Column
//! widths count what a terminal shows: colour codes take no room (comfy-table's
//! `custom_styling` measures cells without them); server control characters in cells are
//! escaped first.

use comfy_table::presets::NOTHING;
use comfy_table::{Attribute, Cell, ContentArrangement};

pub struct Table {
    inner: comfy_table::Table,
}

impl Table {
    pub fn new<I, S>(headers: I) -> Table
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let mut inner = comfy_table::Table::new();
        inner
            .load_preset(NOTHING)
            .set_content_arrangement(ContentArrangement::Dynamic);
        let header: Vec<Cell> = headers
            .into_iter()
            .map(|h| {
                let cell = Cell::new(h.into());
                if console::colors_enabled() {
                    cell.add_attribute(Attribute::Bold)
                } else {
                    cell
                }
            })
            .collect();
        inner.set_header(header);
        // Columns start at the left edge and are two spaces apart.
        for column in inner.column_iter_mut() {
            column.set_padding((0, 2));
        }
        Table { inner }
    }

    pub fn row<I, S>(&mut self, cells: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        // Escaped before comfy-table measures them: an escaped control takes room on screen.
        self.inner.add_row(
            cells
                .into_iter()
                .map(|c| super::escape::keeping_colour(&c.into()).into_owned())
                .collect::<Vec<String>>(),
        );
        self
    }

    pub fn render(&self) -> String {
        self.inner
            .to_string()
            .lines()
            .map(str::trim_end)
            .collect::<Vec<_>>()
            .join("\n")
    }
}
