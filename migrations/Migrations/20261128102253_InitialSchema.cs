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
                name: "allowlist",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    network = table.Column<string>(type: "character varying(43)", maxLength: 43, nullable: false),
                    note = table.Column<string>(type: "text", nullable: true),
                    added_by = table.Column<string>(type: "text", nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_allowlist", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "api_tokens",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false),
                    hash = table.Column<string>(type: "text", nullable: false),
                    created_by = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_tokens", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    actor = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "text", nullable: false),
                    target = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "blocks",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    network = table.Column<string>(type: "character varying(43)", maxLength: 43, nullable: false),
                    state = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "text", nullable: false),
                    proposed_by = table.Column<string>(type: "text", nullable: false),
                    proposed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by = table.Column<string>(type: "text", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ban_time = table.Column<TimeSpan>(type: "interval", nullable: true),
                    wide_confirmed = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_blocks", x => x.id);
                });

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

            migrationBuilder.CreateTable(
                name: "reviews",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    week_start = table.Column<DateOnly>(type: "date", nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: false),
                    role = table.Column<string>(type: "text", nullable: false),
                    failed_logins = table.Column<int>(type: "integer", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "review_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    review_id = table.Column<long>(type: "bigint", nullable: false),
                    ip = table.Column<string>(type: "text", nullable: false),
                    events = table.Column<long>(type: "bigint", nullable: false),
                    previous_week_events = table.Column<long>(type: "bigint", nullable: false),
                    injections = table.Column<long>(type: "bigint", nullable: false),
                    kinds = table.Column<string>(type: "text", nullable: false),
                    country_code = table.Column<string>(type: "text", nullable: true),
                    asn = table.Column<long>(type: "bigint", nullable: true),
                    as_organization = table.Column<string>(type: "text", nullable: true),
                    collateral_messages = table.Column<long>(type: "bigint", nullable: false),
                    collateral_logins = table.Column<long>(type: "bigint", nullable: false),
                    decision = table.Column<string>(type: "text", nullable: true),
                    decided_by = table.Column<string>(type: "text", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_items", x => x.id);
                    table.ForeignKey(
                        name: "FK_review_items_reviews_review_id",
                        column: x => x.review_id,
                        principalTable: "reviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_allowlist_network",
                table: "allowlist",
                column: "network",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_api_tokens_hash",
                table: "api_tokens",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_api_tokens_name",
                table: "api_tokens",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_at",
                table: "audit_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "IX_blocks_network",
                table: "blocks",
                column: "network");

            migrationBuilder.CreateIndex(
                name: "IX_blocks_state_network",
                table: "blocks",
                columns: new[] { "state", "network" });

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

            migrationBuilder.CreateIndex(
                name: "IX_review_items_review_id_ip",
                table: "review_items",
                columns: new[] { "review_id", "ip" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reviews_week_start",
                table: "reviews",
                column: "week_start",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_users_name",
                table: "users",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "allowlist");

            migrationBuilder.DropTable(
                name: "api_tokens");

            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "blocks");

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

            migrationBuilder.DropTable(
                name: "review_items");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "reviews");
        }
    }
}
