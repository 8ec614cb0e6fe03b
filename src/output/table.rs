//! Plain aligned tables for people (comfy-table underneath), the same look everywhere. Column
//! widths count what a terminal shows: colour codes take no room (comfy-table's
//! `custom_styling` measures cells without them).

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
        // Columns start at the left edge and are one space apart.
        for column in inner.column_iter_mut() {
            column.set_padding((0, 1));
        }
        Table { inner }
    }

    pub fn row<I, S>(&mut self, cells: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.inner
            .add_row(cells.into_iter().map(|c| c.into()).collect::<Vec<String>>());
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
