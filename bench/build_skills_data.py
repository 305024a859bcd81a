#!/usr/bin/env python3
"""Builds data/skills/skills.tsv, hg's compact skills taxonomy, from the merged reference
skills.json (O*NET + Stack Overflow + GitHub Linguist; see data/skills/README.md).

    python3 bench/build_skills_data.py [--skills PATH] [--out PATH]

Defaults (relative to the repository root): --skills ../shared/data/reference/skills/skills.json,
--out data/skills/skills.tsv; curated implications come from data/skills/implies_curated.tsv.
Stdlib only and deterministic: the same inputs give the same bytes.

What it keeps and why (the reference README explains the sources):
  * every O*NET technology name, except single plain words with little evidence (not a
    "hot technology", fewer than 3 occupations, no Stack Overflow tag): those are mostly
    ordinary English words ("Algae", "Dig", "Analyze") or generic ("Compilers");
  * Linguist languages that another source also knows (Linguist-only ones are obscure and
    often English words: "Clean", "Cool", "Factor");
  * Stack Overflow-only tags that look like technologies: single plain words only from a
    hand-read keep list (the rest are programming concepts: "arrays", "string", "function");
    other tags with >= 4,000 questions unless all their parts are plain words and none is a
    known technology ("for-loop", "error-handling"), with a short keep list of real skills
    ("machine-learning"); version tags ("python-3.x") are dropped (their parent stays);
  * the O*NET content-model skills and knowledge areas that read as skills in a posting.
Output columns: name, category, aliases (|), implies (|), strict (|: forms that must appear
with this exact case and next to other skill evidence, because they are also English words).
"""

import argparse
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Single plain-word Stack Overflow-only tags kept as skills (read by hand from the >= 3,000
# question list): the value is the display name ("" = capitalise the tag).
SO_WORD_KEEP = {
    "android": "Android", "angular": "Angular", "angularjs": "AngularJS", "laravel": "Laravel",
    "wpf": "WPF", "windows": "Windows", "flutter": "Flutter", "oracle": "Oracle",
    "firebase": "Firebase", "azure": "Azure", "macos": "macOS", "winforms": "WinForms",
    "hibernate": "Hibernate", "maven": "Maven", "linq": "LINQ", "qt": "Qt",
    "symfony": "Symfony", "opencv": "OpenCV", "matplotlib": "Matplotlib",
    "codeigniter": "CodeIgniter", "cordova": "Cordova", "xaml": "XAML", "jsp": "JSP",
    "wcf": "WCF", "delphi": "Delphi", "jpa": "JPA", "xamarin": "Xamarin", "jenkins": "Jenkins",
    "tkinter": "Tkinter", "npm": "npm", "heroku": "Heroku", "gcc": "GCC", "iis": "IIS",
    "magento": "Magento", "javafx": "JavaFX", "jsf": "JSF", "redux": "Redux", "dplyr": "dplyr",
    "servlets": "Java Servlets", "jdbc": "JDBC", "woocommerce": "WooCommerce",
    "cakephp": "CakePHP", "swiftui": "SwiftUI", "beautifulsoup": "BeautifulSoup",
    "mvvm": "MVVM", "sharepoint": "", "activerecord": "ActiveRecord", "soap": "SOAP",
    "silverlight": "Silverlight", "websocket": "WebSocket", "svn": "SVN", "ffmpeg": "FFmpeg",
    "highcharts": "Highcharts", "netbeans": "NetBeans", "axios": "Axios",
    "sqlalchemy": "SQLAlchemy", "ansible": "Ansible", "uwp": "UWP", "jestjs": "Jest",
    "tfs": "TFS", "gwt": "GWT", "ssis": "SSIS", "rxjs": "RxJS", "pygame": "Pygame",
    "oauth": "OAuth", "nlp": "NLP", "primefaces": "PrimeFaces", "orm": "ORM",
    "arduino": "Arduino", "rspec": "RSpec", "emacs": "Emacs", "nhibernate": "NHibernate",
    "scrapy": "Scrapy", "playframework": "Play Framework", "yii": "Yii", "pyqt": "PyQt",
    "powerbi": "", "phpmyadmin": "phpMyAdmin", "terraform": "Terraform", "pycharm": "PyCharm",
    "statistics": "Statistics", "jwt": "JWT", "openssl": "OpenSSL", "jboss": "JBoss",
    "msbuild": "MSBuild", "kivy": "Kivy", "mockito": "Mockito", "plotly": "Plotly",
    "mfc": "MFC", "libgdx": "libGDX", "xampp": "XAMPP", "centos": "CentOS",
    "mapreduce": "MapReduce", "webdriver": "WebDriver", "jvm": "JVM", "lucene": "Lucene",
    "ldap": "LDAP", "swagger": "Swagger", "rubygems": "RubyGems", "protractor": "Protractor",
    "nuget": "NuGet", "uikit": "UIKit", "blazor": "Blazor", "nestjs": "NestJS",
    "salesforce": "Salesforce", "debian": "Debian", "phpunit": "PHPUnit", "sbt": "sbt",
    "twilio": "Twilio", "gson": "Gson", "babeljs": "Babel", "odbc": "ODBC", "wsdl": "WSDL",
    "ckeditor": "CKEditor", "cocoapods": "CocoaPods", "signalr": "SignalR",
    "gruntjs": "Grunt", "seaborn": "Seaborn", "pytest": "pytest", "imagemagick": "ImageMagick",
    "thymeleaf": "Thymeleaf", "cypress": "Cypress", "webrtc": "WebRTC", "vagrant": "Vagrant",
    "logstash": "Logstash", "jsx": "JSX", "retrofit": "Retrofit", "gtk": "GTK",
    "mercurial": "Mercurial", "hdfs": "HDFS", "bitbucket": "Bitbucket", "tinymce": "TinyMCE",
    "akka": "Akka", "bigdata": "Big Data", "glassfish": "GlassFish", "vuex": "Vuex",
    "dax": "DAX", "rstudio": "RStudio", "appium": "Appium", "jupyter": "Jupyter",
    "openshift": "OpenShift", "jms": "JMS", "puppeteer": "Puppeteer", "devops": "DevOps",
    "nativescript": "NativeScript", "ssms": "SSMS", "virtualenv": "virtualenv",
    "wxpython": "wxPython", "jetty": "Jetty", "devexpress": "DevExpress", "ipython": "IPython",
    "nltk": "NLTK", "websphere": "WebSphere", "hbase": "HBase", "odoo": "Odoo",
    "lodash": "Lodash", "mpi": "MPI", "jsoup": "jsoup", "ejb": "EJB", "pymongo": "PyMongo",
    "homebrew": "Homebrew", "keycloak": "Keycloak", "webgl": "WebGL", "vaadin": "Vaadin",
    "ethereum": "Ethereum", "blockchain": "Blockchain", "liferay": "Liferay",
    "sitecore": "Sitecore", "vsto": "VSTO", "automapper": "AutoMapper",
    "wildfly": "WildFly", "mapbox": "Mapbox", "openmp": "OpenMP", "pyinstaller": "PyInstaller",
    "eslint": "ESLint", "kibana": "Kibana", "lstm": "LSTM", "tdd": "TDD", "couchdb": "CouchDB",
    "teamcity": "TeamCity", "weblogic": "WebLogic", "mqtt": "MQTT", "directx": "DirectX",
    "grpc": "gRPC", "activemq": "ActiveMQ", "networkx": "NetworkX",
    "prestashop": "PrestaShop", "etl": "ETL", "virtualbox": "VirtualBox", "ssas": "SSAS",
    "jstl": "JSTL", "teradata": "Teradata", "lxml": "lxml", "webstorm": "WebStorm",
    "sympy": "SymPy", "memcached": "Memcached", "octave": "GNU Octave",
    "openpyxl": "openpyxl", "grafana": "Grafana", "netty": "Netty", "nasm": "NASM",
    "openlayers": "OpenLayers", "resharper": "ReSharper", "jhipster": "JHipster",
    "gstreamer": "GStreamer", "bokeh": "Bokeh", "soapui": "SoapUI", "netsuite": "NetSuite",
    "fastapi": "FastAPI", "postgis": "PostGIS", "umbraco": "Umbraco", "typeorm": "TypeORM",
    "gunicorn": "Gunicorn", "tesseract": "Tesseract", "dask": "Dask", "geojson": "GeoJSON",
    "primeng": "PrimeNG", "openstreetmap": "OpenStreetMap", "artifactory": "Artifactory",
    "bioinformatics": "Bioinformatics", "chromium": "Chromium", "valgrind": "Valgrind",
    "chatbot": "Chatbots", "drools": "Drools", "tidyr": "tidyr", "couchbase": "Couchbase",
    "hyperledger": "Hyperledger", "iot": "IoT", "openapi": "OpenAPI", "pentaho": "Pentaho",
    "struts": "Apache Struts", "pyodbc": "pyodbc", "liquibase": "Liquibase",
    "biztalk": "BizTalk", "logback": "Logback", "alfresco": "Alfresco", "avro": "Apache Avro",
    "kerberos": "Kerberos", "kubectl": "kubectl", "sybase": "Sybase", "zeromq": "ZeroMQ",
    "mybatis": "MyBatis", "bdd": "BDD", "arkit": "ARKit", "quarkus": "Quarkus",
    "bower": "Bower", "nexus": "", "weka": "Weka", "microservices": "Microservices",
    "agile": "Agile", "databricks": "Databricks", "graphql": "", "jira": "",
    "excel": "", "spss": "", "photoshop": "", "autocad": "", "quickbooks": "", "swing": "Java Swing",
    "apache": "Apache HTTP Server", "express": "Express.js", "unity3d": "Unity",
    "tableau": "", "looker": "",
}
# Display names for kept multi-part Stack Overflow tags.
SO_DISPLAY = {
    ".net": ".NET", ".net-core": ".NET Core", "asp.net-core": "ASP.NET Core",
    "asp.net-mvc": "ASP.NET MVC", "vb.net": "VB.NET", "sql-server": "", "next.js": "Next.js",
    "google-cloud-platform": "Google Cloud Platform", "amazon-s3": "Amazon S3",
    "amazon-ec2": "Amazon EC2", "aws-lambda": "AWS Lambda", "azure-devops": "Azure DevOps",
    "docker-compose": "Docker Compose", "machine-learning": "Machine learning",
    "deep-learning": "Deep learning", "computer-vision": "Computer vision",
    "data-science": "Data science", "data-visualization": "Data visualization",
    "data-analysis": "Data analysis", "unit-testing": "Unit testing",
    "continuous-integration": "Continuous integration", "d3.js": "D3.js",
    "vuejs2": "Vue 2", "ember.js": "Ember.js", "react-native": "React Native",
    "snowflake-cloud-data-platform": "Snowflake", "tailwind-css": "Tailwind CSS",
    "django-rest-framework": "Django REST framework", "spring-boot": "Spring Boot",
    "twitter-bootstrap": "Bootstrap (front-end framework)", "visual-studio": "Visual Studio",
    "visual-studio-code": "Visual Studio Code", "entity-framework": "Entity Framework",
    "material-ui": "Material UI", "three.js": "three.js", "socket.io": "Socket.IO",
    "google-analytics-api": "", "apache-spark-sql": "Spark SQL", "natural-language-processing": "",
}
# Multi-part Stack Overflow tags whose parts are all plain words but that are real skills.
SO_PHRASE_KEEP = {
    "machine-learning", "deep-learning", "computer-vision", "data-science", "data-visualization",
    "data-analysis", "unit-testing", "integration-testing", "automated-tests",
    "continuous-integration", "functional-programming", "reactive-programming",
    "domain-driven-design", "responsive-design", "web-scraping", "image-processing",
    "signal-processing", "speech-recognition", "object-detection", "neural-network",
    "conv-neural-network", "artificial-intelligence", "augmented-reality", "linear-regression",
    "cluster-analysis", "time-series", "dependency-injection", "design-patterns",
    "data-structures", "database-design", "load-balancing", "performance-testing",
    "single-page-application", "progressive-web-apps", "linear-algebra", "graph-theory",
    "content-management-system", "relational-database", "stored-procedures",
    "web-services", "object-oriented-programming", "version-control",
}
# Names dropped although a rule would keep them: generic words and platforms that are not
# skills in a posting ("Apply on LinkedIn"), or that name things other than the skill.
DROP = {
    "Google", "Bing", "Facebook", "Instagram", "LinkedIn", "Myspace", "Pinterest", "Twitter",
    "Blogger", "Careerbuilder.com", "Intelius", "Compilers", "Debuggers", "Decompilers",
    "Emulators", "Profilers", "Analyze", "Email", "Internet", "IRIS", "MAGIC", "PRINCE",
    "HARVEST", "ATLAS", "Mendel", "Cents", "Excavator", "Diameter", "Honeypot", "Hotspot",
    "Dig", "Algae", "Pod", "J", "Loom", "Forth", "Crystal", "BASIC", "Clipper", "Cyclone",
    "Aztec", "Mathematica", "Design", "Administrative", "Mechanical", "Science", "Monitoring",
    "Installation", "Repairing", "Integrity", "Innovation", "Initiative", "Persistence",
    "Cooperation", "Dependability", "Instructing", "Coordination", "Persuasion", "Speaking",
    "Writing", "Adaptability/Flexibility", "Achievement/Effort", "Self-Control",
    "Concern for Others", "Social Orientation", "Production and Processing", "Food Production",
    "Technology Design", "Equipment Selection", "Operation and Control", "Learning Strategies",
    "Active Learning", "Systems Evaluation", "Operations Monitoring", "Fine Arts",
    "Foreign Language", "English Language", "History and Archeology", "Philosophy and Theology",
    "Geography", "Biology", "Physics", "Chemistry", "Psychology", "Medicine and Dentistry",
    "Building and Construction", "Therapy and Counseling", "Public Safety and Security",
    "Law and Government", "Telecommunications", "Communications and Media",
    "Computers and Electronics", "Engineering and Technology", "Administration and Management",
    "Management of Material Resources", "Management of Personnel Resources",
    "Management of Financial Resources", "Sociology and Anthropology",
    "Customer and Personal Service", "Personnel and Human Resources", "Economics and Accounting",
    "Sales and Marketing", "Service Orientation", "Social Perceptiveness", "Stress Tolerance",
    "Analytical Thinking", "Reading Comprehension", "Operations Analysis", "Systems Analysis",
    "Quality Control Analysis", "Equipment Maintenance", "Judgment and Decision Making",
    "Complex Problem Solving", "Programming", "Ferret", "Blink", "Gazebo", "Bowtie", "Canu",
    "Kismet", "Mosflm", "Penultimate", "Potrace", "Pascal", "Parbat", "Mercury",
    "Arc", "Alloy", "Blade", "Blueprint", "Cairo", "Clarity", "Click", "desktop", "Diff", "DM",
    "fish", "Fluent", "FLUX", "Glyph", "HMS", "Less", "Lex", "Liquid", "Mask", "Max", "Metal",
    "Mint", "Monkey", "Move", "Pan", "Pact", "Pic", "Pickle", "Reason", "Red", "REDUCE", "Ring",
    "Route", "Sage", "Self", "Slash", "Slice", "Slim", "Square", "Stan", "Terra", "Text",
    "Turing", "Turtle", "Uno", "Volt", "XS", "Sieve", "Seesaw", "Oz", "Opa", "Mojo", "Jai",
    "Roc", "Cadence", "Travis", "Snapchat", "TikTok", "Tumblr", "WhatsApp", "Vimeo", "YouTube",
    "Boo", "Ethereal", "Mustache", "Handlebars", "Papyrus", "Samba", "Modula", "Pug", "Twig",
    "Stylus", "Lean", "sed", "Self", "Glasscubes", "Apex", "Nu", "Io", "Logo", "Pike",
    "Programming languages", "Object-oriented programming languages", "Statistical software",
    "Act!", "E-mail", "NASM", "Front Desk", "people@work", "E-Verify", "Processing",
}
# Aliases removed: wrong or too broad for a posting ("node" is Node.js, not JavaScript).
DROP_ALIASES = {
    "JavaScript": {"node", ".js", "javascript library", "javascript-library"},
    "Python": {"py", "rusthon"}, "Rust": {"rs"}, "function": set(), "HTML": {"div"},
    "Microsoft Word": {"word"}, "Microsoft Excel": {"workbook"}, "Statistics": {"stats"}, "Bing for Power BI": {"BI"},
}
# Aliases that are English words, HTML tags, US states or other things in a posting ("cv" is
# a resume, "spa" a spa, "inc" a company suffix): dropped whichever skill they came with.
GLOBAL_DROP_ALIASES = set("""
activity advertisement advertising air animate apples ar batch ce chrome coffee composer conf
cv database databases db di domain domains dynamics elastic ember eml ext field functional helm
hg ibm icons il inc intent intents knockout li mac mail make market markers md meteor mocha
parallel parallelism parallelization pattern patterns pig plt ps posh requests rails room sails
scraper selectors sheets spa span spark spring stats tiny td ul underscore vb vc volley workbook
sdc scc sml mf mumps xdr cask eask mata tk az ax ef pentium divs field clustering ibm hive
outlook airflow struts ant processid dsp ddd impact rational
""".split())
# Short O*NET acronyms kept as aliases (the others are ambiguous: "ICE", "DOE", "PMP", "SMS").
KEEP_ACRONYMS = set("""
CAD CAM CAE CFD CRM ERP GIS SEO SEM SQL UML VPN LAN WAN SAN NAS FTP SSH DNS BGP OCR PLC HMI EDI
MES TMS WMS POS IDE FEA FEM SPC TQM EDA PLM PPM SSO SIP DDL DML HDL RTL GPS AWS
""".split())
SHORT_NAME_DROP = {"ATS", "JET", "ZAP", "SMT", "KRL", "NCL", "D", "E", "M", "q", "4D", "C3", "eXe",
                   "sK1", "2d", "3d", "h2", "mp3", "x86", "64-bit", "http-status-code-404", "Eko"}

# Aliases and skills added by hand, each for a stated reason (spellings seen in postings that
# no source lists). New skills get the category given.
ADD_ALIASES = {
    "Microsoft Excel": ["Excel", "MS Excel"], "Microsoft Power BI": ["Power BI", "PowerBI"],
    "Microsoft PowerPoint": ["PowerPoint", "MS PowerPoint"], "Microsoft Word": ["MS Word"], "Microsoft Project": ["MS Project"],
    "Microsoft Teams": ["MS Teams"],
    "Microsoft SQL Server": ["SQL Server", "MSSQL", "MS SQL", "MS SQL Server"],
    "Node.js": ["NodeJS", "Node JS"], "JavaScript": ["JS"], "TypeScript": ["TS"],
    "Machine learning": ["ML"], "Artificial intelligence": ["AI"],
    "Continuous integration": ["CI/CD", "CI"], "Amazon Web Services AWS software": ["Amazon Web Services"],
    "Microsoft Office software": ["Microsoft Office", "MS Office"], "Google Cloud Platform": ["Google Cloud"],
    "NLP": ["natural language processing"], "Spring Boot": ["SpringBoot"],
    "Statistics": ["statistical analysis"], "Deep learning": ["DL"],
    "Data visualization": ["data visualisation"], "Data analysis": ["data analytics"],
    "Tableau": ["Tableau Desktop"], "Tailwind CSS": ["Tailwind", "TailwindCSS"], "SAP software": ["SAP"], "Apache Spark": ["Spark"],
    "Spring Framework": ["Spring"], "Apache Airflow": ["Airflow"],
    "Microsoft Outlook": ["Outlook"],
    "SAP Business Objects": ["Business Objects", "BusinessObjects"], "HiveQL": ["Hive", "Apache Hive"], "Go": ["Go lang"], "React": ["React JS", "ReactJS"],
    "Vue": ["Vue.js", "VueJS"], "C#": [".NET C#"], "PostgreSQL": ["Postgres"],
}
NEW_SKILLS = [  # name, category, aliases, reason
    ("Scrum", "Project management methodology", ["Scrum Master"], "agile method named in many postings"),
    ("Kanban", "Project management methodology", [], "agile method"),
    ("Looker", "Business intelligence and data analysis software", [], "BI tool, no source lists it"),
    ("Spring Boot", "Web platform development software", [], "SO tag spring-boot missing from the merge"),
    ("React Native", "Web platform development software", [], "SO tag react-native missing from the merge"),
]
# Forms that are also common English words or names: matched only with this exact case and
# only next to other skill evidence (extract.hpp).
STRICT = {
    "Go", "Rust", "Swift", "Dart", "Ruby", "Julia", "Spark", "Chef", "Puppet", "Java", "Excel",
    "Access", "Shell", "Spring", "React", "Flask", "Shiny", "Oracle", "Windows", "Elm",
    "Scheme", "Maven", "Unity", "Bootstrap", "Blender", "Basecamp", "Outlook", "Hive", "Pig",
    "Nexus", "Vagrant", "Jenkins", "Agile", "Snowflake", "Ant", "Make", "Salt", "Processing",
    "Angular", "Delphi", "Octave",
    "Slack", "Zoom", "Teams", "Box", "Drive", "Sheets", "Word", "Visio", "Project", "Notes",
    "Groovy", "Haskell", "Lisp", "Prolog", "Logo", "Ada", "Pike", "Apex", "Fantom", "Io",
    "Orange", "Cypress", "Jest", "Flutter", "Assembly", "Nix", "Svelte", "Prometheus",
    "Mocha", "Chai", "Jasmine", "Airflow", "Word", "Project", "Teams", "Access", "Docs", "Publisher",
}
SO_CATEGORY = "Technology (Stack Overflow"
# Vendor-less names that are plain capitalised words but name the product in a posting.
STRIPPED_KEEP = set("""
Revit Photoshop Visio Confluence Hyperion Cognos Word Lightroom Premiere
Illustrator Captivate Marketo Workfront Jira Kafka Cassandra Solr Oozie Sqoop Kinesis Redshift
Flink Azure Outlook Maya Inventor Navisworks
""".split())
# Vendor-less names that are ordinary words or job titles ("Adobe Director" is not "Director").
STRIPPED_DROP = set("""
Analytics Director Audition Bridge Connect Experience Animate Dimension Fuse Presenter Story
Contribute Encore Flash Access Publisher Sway Forms Lens Stream Planner Bookings Lists Search
Sites Keep Meet Chat Classroom Earth Maps Translate Pay Ads Alerts Trends Domains Voice Fonts
Calendar Contacts Groups Photos Books Scholar Surveys Forms Insight Insights Workspace Dynamics
Outlook Word Project Teams Office Windows Server Exchange Defender Money Paint Edge Store
Lync Security Intune Bing Photo Portfolio Lightroom Premiere Spark Sign Scan Fill Express
Campaign Target Commerce Journey Marketo Workfront Captivate Dreamweaver Illustrator InDesign
""".split()) - {"Outlook", "Word", "Project", "Teams", "Lightroom", "Premiere", "Captivate",
                 "Dreamweaver", "Illustrator", "InDesign", "Marketo", "Workfront"}
VENDORS = ["Microsoft", "Apache", "Oracle", "Google", "Amazon", "Adobe", "IBM", "SAP", "Autodesk",
           "Atlassian", "Intuit", "The MathWorks", "SAS", "Salesforce", "HashiCorp", "Red Hat"]


def key(text):
    """The reference matching key: NFKC, lower case, no whitespace, '-', '_' or '.' -- except
    a leading '.' (".NET" is not "net")."""
    text = unicodedata.normalize("NFKC", text).lower()
    lead = "." if text.startswith(".") else ""
    return lead + re.sub(r"[\s\-_.]+", "", text)


def plain_word(text):
    return re.fullmatch(r"[A-Za-z]+", text) is not None


def keep_onet(skill):
    name = skill["name"]
    if " " in name or not plain_word(name) or re.search(r"[a-z][A-Z]", name):
        return True  # multi-word, symbols, CamelCase: specific enough
    return bool(skill.get("onet_hot")) or skill.get("onet_occupations", 0) >= 3 \
        or "stackoverflow" in skill["sources"] or "linguist" in skill["sources"]


def keep_so_only(skill, tech_words):
    name = skill["name"]
    if name in SO_WORD_KEEP or name in SO_DISPLAY or name in SO_PHRASE_KEEP:
        return True
    if plain_word(name):
        return False
    if any(v == ["stackoverflow-version-tag"] for v in skill.get("implies_sources", {}).values()):
        return False
    if skill.get("so_questions", 0) < 4000:
        return False
    parts = re.split(r"[-.]", name)
    if all(plain_word(p) for p in parts) and not any(p in tech_words for p in parts):
        return False  # "for-loop", "error-handling": concepts
    return True


def display_name(skill):
    name = skill["name"]
    if name in SO_WORD_KEEP:
        return SO_WORD_KEEP[name] or name[:1].upper() + name[1:]
    if name in SO_DISPLAY and SO_DISPLAY[name]:
        return SO_DISPLAY[name]
    if skill["sources"] == ["stackoverflow"] and re.fullmatch(r"[a-z]+(-[a-z]+)+", name):
        words = name.split("-")
        return " ".join([words[0].capitalize()] + words[1:])
    return name


def select(skills):
    tech_words = set()
    kept = []
    for s in skills:
        if s["sources"] != ["stackoverflow"] and s["sources"] != ["linguist"]:
            tech_words.add(s["name"].lower())
            tech_words.update(a.lower() for a in s["aliases"] if plain_word(a))
    tech_words.update(SO_WORD_KEEP)
    for s in skills:
        src = s["sources"]
        if s["name"] in DROP or display_name(s) in SHORT_NAME_DROP or s["name"] in SHORT_NAME_DROP:
            continue
        if src == ["linguist"]:
            continue
        if src == ["stackoverflow"]:
            if not keep_so_only(s, tech_words):
                continue
        elif "onet-tech" in src and "linguist" not in src:
            if not keep_onet(s):
                continue
        kept.append(s)
    return kept


def vendor_stripped(name):
    n = re.sub(r"\s+software$", "", name)
    for v in VENDORS:
        if n.startswith(v + " ") and len(n) > len(v) + 1:
            return n[len(v) + 1:]
    return None


class Builder:
    def __init__(self):
        self.entries = {}  # key(name) -> dict(name, category, aliases:list, implies:list)

    def add(self, name, category, aliases, implies):
        k = key(name)
        if k in self.entries:
            e = self.entries[k]
            e["aliases"] += [a for a in aliases if a not in e["aliases"]]
            e["implies"] += [i for i in implies if i not in e["implies"]]
            return
        self.entries[k] = {"name": name, "category": category, "aliases": list(aliases),
                           "implies": list(implies)}

    def merge_into(self, src_key, dst_key):
        """Folds one entry into another: its name and aliases become aliases."""
        s, d = self.entries.pop(src_key), self.entries[dst_key]
        for a in [s["name"]] + s["aliases"]:
            if a not in d["aliases"]:
                d["aliases"].append(a)
        d["implies"] += [i for i in s["implies"] if i not in d["implies"]]

    def by_name(self, name):
        return self.entries.get(key(name))


def build(skills_path, curated_path):
    skills = json.load(open(skills_path, encoding="utf-8"))
    kept = select(skills)
    names = {s["name"]: display_name(s) for s in kept}
    b = Builder()
    for s in sorted(kept, key=lambda s: s["name"]):
        drop = DROP_ALIASES.get(s["name"], set())
        aliases = [a for a in s["aliases"] if a not in drop and a.lower() not in GLOBAL_DROP_ALIASES
                   and not (re.fullmatch(r"[A-Z]{2,3}", a) and a not in KEEP_ACRONYMS)]
        if display_name(s) != s["name"] and key(display_name(s)) != key(s["name"]) \
                and s["name"] not in ("swing", "apache", "express"):
            aliases.append(s["name"])
        implies = [names[i] for i in s["implies"] if i in names]
        b.add(display_name(s), s["category"], aliases, implies)
    for name, category, aliases, _ in NEW_SKILLS:
        b.add(name, category, aliases, [])
    # "Microsoft Excel" and the SO tag "excel" are one skill: fold vendor-less duplicates. A
    # display name chosen by hand ("Angular") stays canonical over O*NET's "Google Angular".
    explicit = {v for v in list(SO_WORD_KEEP.values()) + list(SO_DISPLAY.values()) if v}
    for k in sorted(b.entries):
        if k not in b.entries:
            continue
        short = vendor_stripped(b.entries[k]["name"])
        if short is None or key(short) not in b.entries or key(short) == k:
            continue
        other = b.entries[key(short)]
        if b.entries[k]["category"].startswith(SO_CATEGORY):
            continue  # "oracle-apex" is not Salesforce's Apex
        if other["category"].startswith(SO_CATEGORY) and other["name"] not in explicit:
            b.merge_into(key(short), k)  # "excel" -> "Microsoft Excel"
        else:
            b.merge_into(k, key(short))  # "The MathWorks MATLAB" -> "MATLAB"
    # "Autodesk Revit" is "Revit" in a posting. A single plain word ("Project", "Teams") is
    # only matched strictly (STRICT_GENERATED).
    taken = set(b.entries)
    for k in sorted(b.entries):
        e = b.entries[k]
        short = vendor_stripped(e["name"])
        if short in STRIPPED_DROP:
            continue
        if (not short or " " in short or e["category"].startswith(SO_CATEGORY)
                or not short[:1].isupper() or key(short) in taken or len(key(short)) < 4
                or short.lower() in GLOBAL_DROP_ALIASES):
            continue
        if re.fullmatch(r"[A-Z][a-z]+", short):
            if short not in STRIPPED_KEEP:
                continue  # "Cloud", "Works", "Drive": words, not products, in a posting
            STRICT.add(short)  # "Project", "Teams": also English words
        e["aliases"].append(short)
        taken.add(key(short))
    for name, aliases in ADD_ALIASES.items():
        e = b.by_name(name)
        if e is None:
            sys.exit(f"build_skills_data: ADD_ALIASES names unknown skill {name!r}")
        e["aliases"] += [a for a in aliases if a not in e["aliases"]]
    with open(curated_path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n == 0 or not line.strip() or line.startswith("#"):
                continue
            skill, implies, _reason = line.rstrip("\n").split("\t")
            e, target = b.by_name(skill), b.by_name(implies)
            if e is None or target is None:
                sys.exit(f"build_skills_data: implies_curated.tsv line {n + 1}: unknown skill {skill if e is None else implies!r}")
            if target["name"] not in e["implies"]:
                e["implies"].append(target["name"])
    return finish(b)


def finish(b):
    """Aliases claimed by another skill's name or by two skills are dropped; implications are
    resolved to canonical names; rows are sorted case-insensitively."""
    owners = {}
    for k, e in b.entries.items():
        for a in e["aliases"]:
            owners.setdefault(key(a), set()).add(k)
    rows = []
    for k in sorted(b.entries, key=lambda k: (b.entries[k]["name"].lower(), k)):
        e = b.entries[k]
        aliases, seen = [], {k}
        for a in sorted(e["aliases"], key=lambda a: (a.lower(), a)):
            ak = key(a)
            if ak in seen or ak in b.entries or len(owners[ak]) > 1 or not ak.strip("+#./"):
                continue
            seen.add(ak)
            aliases.append(a)
        implies = sorted({b.entries[key(i)]["name"] for i in e["implies"]
                          if key(i) in b.entries and key(i) != k})
        strict = sorted({f for f in [e["name"]] + aliases if f in STRICT or len(key(f)) == 1})
        rows.append([e["name"], e["category"], "|".join(aliases), "|".join(implies),
                     "|".join(strict)])
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--skills", default=os.path.join(ROOT, "..", "shared", "data", "reference",
                                                         "skills", "skills.json"))
    parser.add_argument("--curated", default=os.path.join(ROOT, "data", "skills",
                                                          "implies_curated.tsv"))
    parser.add_argument("--out", default=os.path.join(ROOT, "data", "skills", "skills.tsv"))
    args = parser.parse_args()
    rows = build(args.skills, args.curated)
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        out.write("name\tcategory\taliases\timplies\tstrict\n")
        for row in rows:
            assert not any("\t" in c or "\n" in c for c in row), row
            out.write("\t".join(row) + "\n")
    print(f"build_skills_data: {len(rows)} skills -> {os.path.relpath(args.out)} "
          f"({os.path.getsize(args.out)} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
