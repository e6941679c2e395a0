using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AttackDash.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class IpLifeIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ip_summary_first_seen_last_seen",
                table: "ip_summary",
                columns: new[] { "first_seen", "last_seen" },
                filter: "NOT local")
                .Annotation("Npgsql:IndexInclude", new[] { "attack_events" });

            migrationBuilder.CreateIndex(
                name: "IX_ip_summary_last_seen",
                table: "ip_summary",
                column: "last_seen",
                filter: "NOT local");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ip_summary_first_seen_last_seen",
                table: "ip_summary");

            migrationBuilder.DropIndex(
                name: "IX_ip_summary_last_seen",
                table: "ip_summary");
        }
    }
}
