using System;
using System.Net;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AttackDash.Migrations.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "daily_ip_kind",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    ip = table.Column<IPAddress>(type: "inet", nullable: false),
                    kind = table.Column<short>(type: "smallint", nullable: false),
                    events = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                });

            // EF has no declarative partitioning: the events table is partitioned by month here, and
            // EventStore creates each month's partition before the first batch that needs it.
            migrationBuilder.Sql(@"
CREATE TABLE events (
    time timestamp with time zone NOT NULL,
    source_id integer NOT NULL,
    line_number bigint NOT NULL,
    kind smallint NOT NULL,
    mta_host text NOT NULL,
    pid integer NOT NULL,
    queue_id text NULL,
    client_ip inet NULL,
    client_host text NULL,
    may_be_forged boolean NOT NULL,
    username text NULL,
    argument text NULL,
    detail text NOT NULL,
    CONSTRAINT ""PK_events"" PRIMARY KEY (source_id, line_number, time)
) PARTITION BY RANGE (time);");

            migrationBuilder.CreateTable(
                name: "hourly_ip_kind",
                columns: table => new
                {
                    hour = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ip = table.Column<IPAddress>(type: "inet", nullable: false),
                    kind = table.Column<short>(type: "smallint", nullable: false),
                    events = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "hourly_kind",
                columns: table => new
                {
                    hour = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<short>(type: "smallint", nullable: false),
                    events = table.Column<long>(type: "bigint", nullable: false),
                    unattributed = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hourly_kind", x => new { x.hour, x.kind });
                });

            migrationBuilder.CreateTable(
                name: "ingest_sources",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    fingerprint = table.Column<string>(type: "text", nullable: false),
                    path = table.Column<string>(type: "text", nullable: false),
                    lines_done = table.Column<long>(type: "bigint", nullable: false),
                    max_line_written = table.Column<long>(type: "bigint", nullable: false),
                    bytes_seen = table.Column<long>(type: "bigint", nullable: false),
                    lines = table.Column<long>(type: "bigint", nullable: false),
                    sendmail_lines = table.Column<long>(type: "bigint", nullable: false),
                    other_lines = table.Column<long>(type: "bigint", nullable: false),
                    malformed_lines = table.Column<long>(type: "bigint", nullable: false),
                    first_line_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_line_time = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ingest_sources", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "ip_summary",
                columns: table => new
                {
                    ip = table.Column<IPAddress>(type: "inet", nullable: false),
                    first_seen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attack_events = table.Column<long>(type: "bigint", nullable: false),
                    success_events = table.Column<long>(type: "bigint", nullable: false),
                    country_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    country = table.Column<string>(type: "text", nullable: true),
                    city = table.Column<string>(type: "text", nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    accuracy_radius_km = table.Column<int>(type: "integer", nullable: true),
                    asn = table.Column<long>(type: "bigint", nullable: true),
                    as_organization = table.Column<string>(type: "text", nullable: true),
                    geo_updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateIndex(
                name: "IX_daily_ip_kind_ip_day",
                table: "daily_ip_kind",
                columns: new[] { "ip", "day" });

            migrationBuilder.CreateIndex(
                name: "IX_events_client_ip_time",
                table: "events",
                columns: new[] { "client_ip", "time" });

            migrationBuilder.CreateIndex(
                name: "IX_hourly_ip_kind_ip_hour",
                table: "hourly_ip_kind",
                columns: new[] { "ip", "hour" });

            // EF cannot key on IPAddress: these keys are added here.
            migrationBuilder.Sql("ALTER TABLE hourly_ip_kind ADD CONSTRAINT \"PK_hourly_ip_kind\" PRIMARY KEY (hour, ip, kind);");
            migrationBuilder.Sql("ALTER TABLE ip_summary ADD CONSTRAINT \"PK_ip_summary\" PRIMARY KEY (ip);");
            migrationBuilder.Sql("ALTER TABLE daily_ip_kind ADD CONSTRAINT \"PK_daily_ip_kind\" PRIMARY KEY (day, ip, kind);");

            migrationBuilder.CreateIndex(
                name: "IX_ingest_sources_fingerprint",
                table: "ingest_sources",
                column: "fingerprint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ip_summary_asn",
                table: "ip_summary",
                column: "asn");

            migrationBuilder.CreateIndex(
                name: "IX_ip_summary_attack_events",
                table: "ip_summary",
                column: "attack_events");

            migrationBuilder.CreateIndex(
                name: "IX_ip_summary_country_code",
                table: "ip_summary",
                column: "country_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "daily_ip_kind");

            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropTable(
                name: "hourly_ip_kind");

            migrationBuilder.DropTable(
                name: "hourly_kind");

            migrationBuilder.DropTable(
                name: "ingest_sources");

            migrationBuilder.DropTable(
                name: "ip_summary");
        }
    }
}
