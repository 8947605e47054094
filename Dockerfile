# syntax=docker/dockerfile:1
# The UsageLens server: built with the .NET SDK, run on the ASP.NET Core runtime (Debian, glibc: DuckDB's
# linux-x64/arm64 native library runs there). Workspace and configuration live in the /data volume.
#   docker build -t usagelens .
#   docker run -p 5080:5080 -v usagelens-data:/data usagelens                       # serve /data/usagelens.duckdb
#   docker run -v usagelens-data:/data usagelens demo --no-serve --db /data/usagelens.duckdb
#   docker run -v usagelens-data:/data usagelens keys create --role writer --db /data/usagelens.duckdb
# docker-compose.yml runs it against a ClickHouse server instead.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files only, so a source change does not download the packages again.
COPY global.json Directory.Build.props Directory.Packages.props README.md ./
COPY src/UsageLens.Cli/UsageLens.Cli.csproj src/UsageLens.Cli/
COPY src/UsageLens.Configuration/UsageLens.Configuration.csproj src/UsageLens.Configuration/
COPY src/UsageLens.Core/UsageLens.Core.csproj src/UsageLens.Core/
COPY src/UsageLens.Demo/UsageLens.Demo.csproj src/UsageLens.Demo/
COPY src/UsageLens.Import/UsageLens.Import.csproj src/UsageLens.Import/
COPY src/UsageLens.Ingest/UsageLens.Ingest.csproj src/UsageLens.Ingest/
COPY src/UsageLens.Insights/UsageLens.Insights.csproj src/UsageLens.Insights/
COPY src/UsageLens.Questions/UsageLens.Questions.csproj src/UsageLens.Questions/
COPY src/UsageLens.Server/UsageLens.Server.csproj src/UsageLens.Server/
COPY src/UsageLens.Storage.ClickHouse/UsageLens.Storage.ClickHouse.csproj src/UsageLens.Storage.ClickHouse/
COPY src/UsageLens.Storage.DuckDb/UsageLens.Storage.DuckDb.csproj src/UsageLens.Storage.DuckDb/
COPY src/UsageLens.Reports/UsageLens.Reports.csproj src/UsageLens.Reports/
RUN dotnet restore src/UsageLens.Cli/UsageLens.Cli.csproj
COPY samples/usagelens.yaml samples/
COPY samples/manufacturing/usagelens.yaml samples/manufacturing/
COPY src/ src/
RUN dotnet publish src/UsageLens.Cli/UsageLens.Cli.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /data
COPY --from=build /app /app
# The image's non-root user (APP_UID) owns the workspace volume.
RUN mkdir -p /data && chown "$APP_UID" /data
USER $APP_UID
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 5080
VOLUME ["/data"]
ENTRYPOINT ["dotnet", "/app/usagelens.dll"]
CMD ["serve", "--urls", "http://0.0.0.0:5080", "--db", "/data/usagelens.duckdb"]
