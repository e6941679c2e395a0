using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AttackDash.Migrations.Migrations
{
    /// <summary>
    /// One active block per network (issue 14): two admins clicking at once made two active rows. Rows
    /// doubled that way before are ended first, keeping the oldest.
    /// </summary>
    public partial class OneActiveBlock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE blocks SET state = 'Unblocked', ended_at = now()
                WHERE state = 'Active' AND id NOT IN (SELECT min(id) FROM blocks WHERE state = 'Active' GROUP BY network)
                """);

            migrationBuilder.CreateIndex(
                name: "IX_blocks_one_active_per_network",
                table: "blocks",
                column: "network",
                unique: true,
                filter: "state = 'Active'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_blocks_one_active_per_network",
                table: "blocks");
        }
    }
}
