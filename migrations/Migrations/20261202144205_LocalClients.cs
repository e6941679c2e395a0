using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AttackDash.Migrations.Migrations
{
    /// <summary>
    /// ip_summary.local: loopback and allowlisted clients, which the pages show apart and never rank
    /// (issue 10, "Local clients are not offenders"). The IPs already stored are marked here; ingest
    /// marks new ones and an allowlist addition re-marks those inside it (Storage's LocalSql).
    /// </summary>
    public partial class LocalClients : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "local",
                table: "ip_summary",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_ip_summary_local",
                table: "ip_summary",
                column: "local",
                filter: "local");

            migrationBuilder.Sql("""
                UPDATE ip_summary SET local = true
                WHERE ip <<= inet '127.0.0.0/8' OR ip <<= inet '::1/128'
                   OR EXISTS (SELECT 1 FROM allowlist a WHERE ip <<= a.network::cidr)
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ip_summary_local",
                table: "ip_summary");

            migrationBuilder.DropColumn(
                name: "local",
                table: "ip_summary");
        }
    }
}
