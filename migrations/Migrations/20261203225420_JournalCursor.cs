using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AttackDash.Migrations.Migrations
{
    /// <summary>
    /// ingest_sources.resume_line and resume_cursor: where `ingest --journal` starts again, committed
    /// with each batch (issue 13, "The journal cursor is the checkpoint"). File sources leave them unset.
    /// </summary>
    public partial class JournalCursor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "resume_cursor",
                table: "ingest_sources",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "resume_line",
                table: "ingest_sources",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "resume_cursor",
                table: "ingest_sources");

            migrationBuilder.DropColumn(
                name: "resume_line",
                table: "ingest_sources");
        }
    }
}
