using AttackDash.Storage;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AttackDash.Migrations.Migrations
{
    /// <summary>
    /// A BRIN index on events.time. Logs are ingested in time order, so block ranges follow time and
    /// the index stays a few pages per partition and costs ingest next to nothing; it lets the campaign
    /// search read one week of a month's partition instead of all of it. (Raw SQL: EF has no model
    /// for it, so the model snapshot is unchanged.)
    /// </summary>
    [DbContext(typeof(AttackDashDbContext))]
    [Migration("20261128110000_EventsTimeBrin")]
    public partial class EventsTimeBrin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS ix_events_time_brin ON events USING brin (time);");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_events_time_brin;");
    }
}
